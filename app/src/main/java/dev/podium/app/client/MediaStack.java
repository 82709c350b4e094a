package dev.podium.app.client;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.media.audio.AudioDevice;
import dev.onvoid.webrtc.media.audio.AudioDeviceModule;
import dev.onvoid.webrtc.media.audio.AudioDeviceModuleBase;
import dev.onvoid.webrtc.media.audio.AudioOptions;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.audio.AudioTrackSource;
import dev.onvoid.webrtc.media.audio.CustomAudioSource;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;
import dev.onvoid.webrtc.media.video.CustomVideoSource;
import dev.onvoid.webrtc.media.video.VideoTrackSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The native objects that outlive one peer connection: the audio device module, the factory, the
 * microphone track (fed by the module: a real microphone, or silence from the headless module) and
 * the video sources. Owned by one session; {@link #close()} releases them in the order that lets
 * the JVM exit (sources, then the module's threads, the factory, the module).
 *
 * <p>A {@code CustomAudioSource} is used only with {@link SessionOptions#audioGenerator()}, fed by
 * an {@link AudioFeedPump} that keeps pushes and the module's recording thread apart (they race and
 * abort the JVM otherwise: PLATFORM.md).
 */
final class MediaStack implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MediaStack.class);
  private static final Duration STEP_LIMIT = Duration.ofSeconds(5);

  final AudioDeviceModuleBase adm;
  final boolean headless;
  final PeerConnectionFactory factory;
  final AudioTrack microphone;
  final AudioTrack receiveAudioPlaceholder;
  private final List<VideoTrackSource> videoSources = new ArrayList<>();
  private CustomVideoSource receivePlaceholder;
  private AudioFeedPump audioFeed;
  private CustomAudioSource customAudio;
  private boolean closed;

  private MediaStack(
      AudioDeviceModuleBase adm,
      boolean headless,
      PeerConnectionFactory factory,
      AudioTrack microphone,
      AudioTrack receiveAudioPlaceholder) {
    this.receiveAudioPlaceholder = receiveAudioPlaceholder;
    this.adm = adm;
    this.headless = headless;
    this.factory = factory;
    this.microphone = microphone;
  }

  /**
   * Creates the stack. The audio module is chosen before webrtc-java touches any audio API.
   *
   * @throws IllegalStateException if {@link AudioMode#SYSTEM} is asked for without a sound server
   */
  static MediaStack create(String name, SessionOptions options, DeviceManager devices) {
    boolean system =
        switch (options.audioMode()) {
          case HEADLESS -> false;
          case AUTO -> devices.hasAudioSystem();
          case SYSTEM -> {
            if (!devices.hasAudioSystem()) {
              throw new IllegalStateException("no sound server found (AudioMode.SYSTEM)");
            }
            yield true;
          }
        };
    AudioDeviceModuleBase adm = system ? new AudioDeviceModule() : new HeadlessAudioDeviceModule();
    PeerConnectionFactory factory;
    try {
      if (system) {
        Optional<AudioDevice> in = devices.findAudio(options.audioInput(), true);
        Optional<AudioDevice> out = devices.findAudio(options.audioOutput(), false);
        in.ifPresent(adm::setRecordingDevice);
        out.ifPresent(adm::setPlayoutDevice);
      }
      factory = new PeerConnectionFactory(adm);
      if (!system) {
        // The headless module pulls remote audio (so track sinks fire) only while playing out.
        adm.initPlayout();
        adm.startPlayout();
      }
    } catch (RuntimeException | Error e) {
      adm.dispose();
      throw e;
    }
    AudioOptions audioOptions = new AudioOptions();
    audioOptions.echoCancellation = system;
    audioOptions.noiseSuppression = system;
    audioOptions.autoGainControl = system;
    audioOptions.highpassFilter = system;
    AudioGenerator generator = options.audioGenerator();
    CustomAudioSource custom = generator == null ? null : new CustomAudioSource();
    AudioTrackSource micSource = custom != null ? custom : factory.createAudioSource(audioOptions);
    AudioTrack microphone = factory.createAudioTrack(name + "-microphone", micSource);
    // recv-only transceivers need a track; this one is never attached to a sending sender.
    AudioTrack placeholder =
        factory.createAudioTrack(
            name + "-receive-audio", factory.createAudioSource(new AudioOptions()));
    LOG.info("{}: media stack with the {} audio module", name, system ? "system" : "headless");
    MediaStack stack = new MediaStack(adm, !system, factory, microphone, placeholder);
    if (custom != null) {
      stack.audioFeed = new AudioFeedPump(name, adm, custom, generator);
      stack.customAudio = custom;
    }
    return stack;
  }

  /** Before an offer/answer round: the generated audio pauses (no-op without a generator). */
  void audioFeedHold() {
    if (audioFeed != null) {
      audioFeed.hold();
    }
  }

  /** After an offer/answer round: resumes once connected. */
  void audioFeedRelease(boolean connected) {
    if (audioFeed != null) {
      audioFeed.release(connected);
    }
  }

  /** The peer connection reached CONNECTED. */
  void audioFeedConnected() {
    if (audioFeed != null) {
      audioFeed.connected();
    }
  }

  /** Stops the generated audio; call before closing peer connections. */
  void stopAudioFeed() {
    if (audioFeed != null) {
      audioFeed.close();
    }
  }

  /** 10 ms blocks of generated audio pushed so far (tests). */
  long audioBlocksPushed() {
    return audioFeed == null ? 0 : audioFeed.pushedBlocks();
  }

  /** Keeps {@code source} for disposal at {@link #close()}. */
  synchronized <T extends VideoTrackSource> T own(T source) {
    videoSources.add(source);
    return source;
  }

  /** A never-fed video source for the placeholder tracks that recv-only transceivers need. */
  synchronized CustomVideoSource receivePlaceholder() {
    if (receivePlaceholder == null) {
      receivePlaceholder = own(new CustomVideoSource());
    }
    return receivePlaceholder;
  }

  /** Releases everything; peer connections must be closed before. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    stopAudioFeed();
    for (VideoTrackSource source : videoSources) {
      if (source instanceof dev.onvoid.webrtc.media.video.VideoDeviceSource camera) {
        NativeCalls.quietly("camera stop", STEP_LIMIT, camera::stop);
        NativeCalls.quietly("camera dispose", STEP_LIMIT, camera::dispose);
      } else if (source instanceof CustomVideoSource custom) {
        NativeCalls.quietly("video source dispose", STEP_LIMIT, custom::dispose);
      }
    }
    videoSources.clear();
    if (customAudio != null) {
      NativeCalls.quietly("audio source dispose", STEP_LIMIT, customAudio::dispose);
    }
    NativeCalls.quietly("audio playout stop", STEP_LIMIT, adm::stopPlayout);
    NativeCalls.quietly("audio recording stop", STEP_LIMIT, adm::stopRecording);
    NativeCalls.quietly("factory dispose", STEP_LIMIT, factory::dispose);
    NativeCalls.quietly("audio module dispose", STEP_LIMIT, adm::dispose);
  }
}
