package dev.podium.app.client;

import dev.onvoid.webrtc.media.Device;
import dev.onvoid.webrtc.media.MediaDevices;
import dev.onvoid.webrtc.media.audio.AudioDevice;
import dev.onvoid.webrtc.media.video.VideoCaptureCapability;
import dev.onvoid.webrtc.media.video.VideoDevice;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists microphones, speakers and cameras, and reports hot-plug changes. Never fails and never
 * hangs: with no sound server (see {@link #hasAudioSystem()}) the audio lists are empty without
 * asking webrtc-java (whose enumeration would hang), and each native enumeration runs on a daemon
 * thread with a time limit, so a stuck driver yields an empty list and a warning.
 *
 * <p>Hot-plug is detected by polling every {@link #POLL_INTERVAL} while a listener is registered:
 * webrtc-java's own {@code MediaDevices.addDeviceChangeListener} blocks forever on a machine
 * without a sound server (checked with 0.14.0), so it is not used. Listeners run on the poller's
 * daemon thread ({@code podium-device-poller}).
 */
public final class DeviceManager implements AutoCloseable {

  /** How often hot-plug polling re-reads the device lists. */
  public static final Duration POLL_INTERVAL = Duration.ofSeconds(2);

  private static final Logger LOG = LoggerFactory.getLogger(DeviceManager.class);
  private static final Duration ENUMERATION_LIMIT = Duration.ofSeconds(3);

  private final boolean audioSystem;
  private final List<MediaDeviceListener> listeners = new CopyOnWriteArrayList<>();
  private ScheduledExecutorService poller;
  private Set<MediaDeviceInfo> lastSeen;
  private volatile boolean audioEnumerationStuck;

  private DeviceManager(boolean audioSystem) {
    this.audioSystem = audioSystem;
  }

  /** A device manager that probes for a sound server now (see {@link AudioSystemProbe}). */
  public static DeviceManager create() {
    return new DeviceManager(AudioSystemProbe.soundServerPresent());
  }

  /** Whether a sound server is there (otherwise sessions use the headless audio module). */
  public boolean hasAudioSystem() {
    return audioSystem && !audioEnumerationStuck;
  }

  /** Microphones; empty without a sound server. */
  public List<MediaDeviceInfo> audioInputs() {
    return toInfos(MediaDeviceKind.AUDIO_INPUT, audioDevices(true));
  }

  /** Speakers and headsets; empty without a sound server. */
  public List<MediaDeviceInfo> audioOutputs() {
    return toInfos(MediaDeviceKind.AUDIO_OUTPUT, audioDevices(false));
  }

  /** Cameras; empty if there are none. */
  public List<MediaDeviceInfo> cameras() {
    return toInfos(MediaDeviceKind.VIDEO_INPUT, videoDevices());
  }

  /** All devices of all kinds. */
  public List<MediaDeviceInfo> allDevices() {
    List<MediaDeviceInfo> all = new ArrayList<>(audioInputs());
    all.addAll(audioOutputs());
    all.addAll(cameras());
    return all;
  }

  /** The sizes and rates a camera offers; empty if unknown. */
  public List<VideoFormat> cameraFormats(MediaDeviceInfo camera) {
    Optional<VideoDevice> device = findCamera(camera);
    if (device.isEmpty()) {
      return List.of();
    }
    List<VideoCaptureCapability> capabilities =
        guarded("camera formats", () -> MediaDevices.getVideoCaptureCapabilities(device.get()));
    List<VideoFormat> formats = new ArrayList<>();
    for (VideoCaptureCapability c : capabilities) {
      try {
        formats.add(new VideoFormat(c.width, c.height, Math.max(1, Math.min(60, c.frameRate))));
      } catch (IllegalArgumentException e) {
        // a size the SDK does not send (odd or too large): not offered
      }
    }
    return formats;
  }

  /**
   * Starts telling {@code listener} about devices that appear or disappear (polling; see the class
   * comment).
   */
  public synchronized void addDeviceListener(MediaDeviceListener listener) {
    listeners.add(listener);
    if (poller == null) {
      lastSeen = new LinkedHashSet<>(allDevices());
      ScheduledThreadPoolExecutor executor =
          new ScheduledThreadPoolExecutor(
              1,
              r -> {
                Thread t = new Thread(r, "podium-device-poller");
                t.setDaemon(true);
                return t;
              });
      executor.scheduleWithFixedDelay(
          this::poll, POLL_INTERVAL.toMillis(), POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
      poller = executor;
    }
  }

  /** Stops telling {@code listener}; polling stops with the last listener. */
  public synchronized void removeDeviceListener(MediaDeviceListener listener) {
    listeners.remove(listener);
    if (listeners.isEmpty() && poller != null) {
      poller.shutdownNow();
      poller = null;
    }
  }

  /** Stops polling. */
  @Override
  public synchronized void close() {
    listeners.clear();
    if (poller != null) {
      poller.shutdownNow();
      poller = null;
    }
  }

  Optional<VideoDevice> findCamera(MediaDeviceInfo camera) {
    return videoDevices().stream()
        .filter(d -> camera == null || d.getDescriptor().equals(camera.id()))
        .findFirst();
  }

  Optional<AudioDevice> findAudio(MediaDeviceInfo device, boolean input) {
    if (device == null) {
      return Optional.empty();
    }
    return audioDevices(input).stream()
        .filter(d -> d.getDescriptor().equals(device.id()))
        .findFirst();
  }

  private void poll() {
    try {
      Set<MediaDeviceInfo> now = new LinkedHashSet<>(allDevices());
      Set<MediaDeviceInfo> before;
      synchronized (this) {
        before = lastSeen;
        lastSeen = now;
      }
      List<MediaDeviceInfo> added = new ArrayList<>(now);
      added.removeAll(before);
      List<MediaDeviceInfo> removed = new ArrayList<>(before);
      removed.removeAll(now);
      if (!added.isEmpty() || !removed.isEmpty()) {
        for (MediaDeviceListener listener : listeners) {
          listener.onDevicesChanged(List.copyOf(added), List.copyOf(removed));
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("device polling failed: {}", e.toString());
    }
  }

  private List<AudioDevice> audioDevices(boolean input) {
    if (!hasAudioSystem()) {
      return List.of();
    }
    List<AudioDevice> devices =
        guarded(
            input ? "microphones" : "speakers",
            () ->
                input
                    ? MediaDevices.getAudioCaptureDevices()
                    : MediaDevices.getAudioRenderDevices());
    return devices;
  }

  private List<VideoDevice> videoDevices() {
    return guarded("cameras", MediaDevices::getVideoCaptureDevices);
  }

  private <T> List<T> guarded(String what, Callable<List<T>> call) {
    FutureTask<List<T>> task = new FutureTask<>(call);
    Thread thread = new Thread(task, "podium-device-enumeration");
    thread.setDaemon(true);
    thread.start();
    try {
      List<T> result = task.get(ENUMERATION_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
      return result == null ? List.of() : List.copyOf(result);
    } catch (TimeoutException e) {
      LOG.warn("listing {} did not finish within {}; treating as none", what, ENUMERATION_LIMIT);
      if (!what.equals("cameras") && !what.equals("camera formats")) {
        audioEnumerationStuck = true;
      }
      return List.of();
    } catch (ExecutionException e) {
      LOG.warn("listing {} failed: {}", what, e.getCause().toString());
      return List.of();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    }
  }

  private static List<MediaDeviceInfo> toInfos(
      MediaDeviceKind kind, List<? extends Device> devices) {
    List<MediaDeviceInfo> infos = new ArrayList<>(devices.size());
    for (Device d : devices) {
      infos.add(new MediaDeviceInfo(kind, d.getDescriptor(), d.getName()));
    }
    return infos;
  }
}
