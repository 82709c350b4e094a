package dev.podium.testkit;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.media.audio.AudioOptions;
import dev.onvoid.webrtc.media.audio.AudioTrackSource;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;
import dev.onvoid.webrtc.media.video.CustomVideoSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One webrtc-java world for tests: a {@link HeadlessAudioDeviceModule} (no sound server needed)
 * that plays out so remote audio sinks fire, one {@link PeerConnectionFactory} on it, the audio
 * pump and video threads shared by all its {@link TestPeer}s. Cheap peers: a scale test can make
 * 100 peers in one environment.
 *
 * <p>{@link #close()} shuts down in the order that lets the JVM exit (an undisposed factory keeps
 * it alive with non-daemon native threads): stop pushers, close peers, dispose sources, stop the
 * audio module, dispose the factory, dispose the module. It is idempotent and safe from JUnit's
 * {@code @AfterAll}; each native step is bounded by {@link EnvironmentOptions#shutdownTimeout()}.
 *
 * <p>Peers must only talk to a server on 127.0.0.1, and the test JVM must run inside {@code
 * tools/loopback-only}: libwebrtc gathers no loopback candidates and would otherwise send from the
 * machine's other addresses. Two peers of this harness cannot connect to each other directly.
 */
public final class PeerEnvironment implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PeerEnvironment.class);
  private static final AtomicInteger VIDEO_THREADS = new AtomicInteger();

  private final EnvironmentOptions options;
  private final HeadlessAudioDeviceModule adm;
  private final PeerConnectionFactory factory;
  private final AudioPump audioPump;
  private final ScheduledExecutorService videoExecutor;
  private final Guard guard = new Guard();
  private final Set<TestPeer> peers = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Object placeholderLock = new Object();
  private AudioTrackSource receiveAudioPlaceholder;
  private CustomVideoSource receiveVideoPlaceholder;

  private PeerEnvironment(EnvironmentOptions options) {
    this.options = options;
    this.adm = new HeadlessAudioDeviceModule();
    PeerConnectionFactory created;
    try {
      created = new PeerConnectionFactory(adm);
      adm.initPlayout();
      adm.startPlayout();
    } catch (RuntimeException | Error e) {
      adm.dispose();
      throw e;
    }
    this.factory = created;
    this.audioPump = new AudioPump(adm, options.recordingStopDelay(), options.maxAudioHold());
    this.videoExecutor =
        Executors.newScheduledThreadPool(
            options.videoThreads(),
            r -> {
              Thread t = new Thread(r, "podium-testkit-video-" + VIDEO_THREADS.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /** Creates an environment with {@link EnvironmentOptions#defaults()}. */
  public static PeerEnvironment create() {
    return create(EnvironmentOptions.defaults());
  }

  /** Creates an environment. */
  public static PeerEnvironment create(EnvironmentOptions options) {
    return new PeerEnvironment(options);
  }

  /** Starts building a peer named {@code name} in this environment. */
  public TestPeer.Builder newPeer(String name) {
    return new TestPeer.Builder(this, name);
  }

  /** Creates a peer from a complete configuration. */
  public TestPeer createPeer(PeerConfig config) {
    checkOpen();
    TestPeer peer = new TestPeer(this, config);
    peers.add(peer);
    if (closed.get()) {
      peer.close();
      throw new IllegalStateException("environment closed while creating " + config.name());
    }
    return peer;
  }

  /** Peers created here and not yet closed. */
  public int openPeerCount() {
    return peers.size();
  }

  /** Whether {@link #close()} has been called. */
  public boolean isClosed() {
    return closed.get();
  }

  /** The options this environment was created with. */
  public EnvironmentOptions options() {
    return options;
  }

  /** How many times the audio pump stopped the headless module's recording (diagnostics). */
  public long audioRecordingStops() {
    return audioPump.recordingStops();
  }

  PeerConnectionFactory factory() {
    return factory;
  }

  AudioPump audioPump() {
    return audioPump;
  }

  ScheduledExecutorService videoExecutor() {
    return videoExecutor;
  }

  Guard guard() {
    return guard;
  }

  void forget(TestPeer peer) {
    peers.remove(peer);
  }

  /** A never-fed audio source for the placeholder tracks recvonly transceivers need. */
  AudioTrackSource receiveAudioPlaceholder() {
    synchronized (placeholderLock) {
      if (receiveAudioPlaceholder == null) {
        receiveAudioPlaceholder = factory.createAudioSource(new AudioOptions());
      }
      return receiveAudioPlaceholder;
    }
  }

  /** A never-fed video source for the placeholder tracks recvonly transceivers need. */
  CustomVideoSource receiveVideoPlaceholder() {
    synchronized (placeholderLock) {
      if (receiveVideoPlaceholder == null) {
        receiveVideoPlaceholder = new CustomVideoSource();
      }
      return receiveVideoPlaceholder;
    }
  }

  private void checkOpen() {
    if (closed.get()) {
      throw new IllegalStateException("PeerEnvironment is closed");
    }
  }

  /**
   * Closes every open peer and releases the native stack. Idempotent; errors of single steps are
   * logged and the remaining steps still run; the first failure is rethrown at the end.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    List<RuntimeException> failures = new ArrayList<>();
    // 1. Stop pushers: no pushAudio/pushFrame may run while peers and sources go away.
    step(failures, "stop audio pump", audioPump::close);
    step(failures, "stop video threads", this::stopVideoThreads);
    // 2. + 3. Close peers (each stops its feeds, closes its connection, disposes its sources).
    for (TestPeer peer : List.copyOf(peers)) {
      step(failures, "close peer " + peer.name(), peer::close);
    }
    synchronized (placeholderLock) {
      if (receiveVideoPlaceholder != null) {
        step(failures, "dispose placeholder video source", receiveVideoPlaceholder::dispose);
      }
      receiveVideoPlaceholder = null;
      receiveAudioPlaceholder = null;
    }
    // 4. Stop the audio module's threads.
    step(failures, "stop audio playout", () -> guardedStep("adm.stopPlayout", adm::stopPlayout));
    step(
        failures,
        "stop audio recording",
        () -> guardedStep("adm.stopRecording", adm::stopRecording));
    // 5. The factory (its native threads are what keep a JVM alive).
    step(failures, "dispose factory", () -> guardedStep("factory.dispose", factory::dispose));
    // 6. The audio module last.
    step(failures, "dispose audio module", () -> guardedStep("adm.dispose", adm::dispose));
    guard.close();
    if (!failures.isEmpty()) {
      RuntimeException first = failures.get(0);
      failures.stream().skip(1).forEach(first::addSuppressed);
      throw first;
    }
  }

  private void stopVideoThreads() {
    videoExecutor.shutdownNow();
    try {
      if (!videoExecutor.awaitTermination(
          options.shutdownTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
        throw new PeerTimeoutException(
            "video threads did not stop within " + options.shutdownTimeout());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PeerOperationException("interrupted while stopping video threads", e);
    }
  }

  private void guardedStep(String what, Runnable action) {
    guard.run(what, options.shutdownTimeout(), action);
  }

  private static void step(List<RuntimeException> failures, String what, Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      LOG.error("environment shutdown step '{}' failed", what, e);
      failures.add(e);
    } catch (Error e) {
      // webrtc-java reports "native object was not deleted" as an Error; keep shutting down.
      LOG.error("environment shutdown step '{}' failed", what, e);
      failures.add(new PeerOperationException(what + " failed: " + e, e));
    }
  }
}
