package dev.podium.app.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Device listing never hangs or throws; on this machine (no sound server, no camera) it is empty.
 */
class DeviceManagerTest {

  @Test
  void listsNothingWithoutDevicesInsteadOfFailingOrHanging() {
    long start = System.nanoTime();
    try (DeviceManager devices = DeviceManager.create()) {
      if (AudioSystemProbe.soundServerPresent()) {
        return; // a workstation with sound: the lists are the machine's, nothing to pin here
      }
      assertThat(devices.hasAudioSystem()).isFalse();
      assertThat(devices.audioInputs()).isEmpty();
      assertThat(devices.audioOutputs()).isEmpty();
      if (!Files.exists(Path.of("/dev/video0"))) {
        assertThat(devices.cameras()).isEmpty();
      }
      assertThat(
              devices.cameraFormats(
                  new MediaDeviceInfo(MediaDeviceKind.VIDEO_INPUT, "none", "none")))
          .isEmpty();
      devices.addDeviceListener((added, removed) -> {});
      devices.removeDeviceListener((added, removed) -> {});
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void probeFindsAPulseSocketOrTrustsTheOverride(@TempDir Path runtime) throws Exception {
    Map<String, String> env = Map.of("XDG_RUNTIME_DIR", runtime.toString());
    assertThat(
            AudioSystemProbe.soundServerPresent(
                Map.of("PULSE_SERVER", "unix:" + runtime.resolve("none")), null))
        .isFalse();
    Files.createDirectories(runtime.resolve("pulse"));
    Files.createFile(runtime.resolve("pulse/native"));
    assertThat(AudioSystemProbe.soundServerPresent(env, null)).isTrue();
    assertThat(AudioSystemProbe.soundServerPresent(env, "headless")).isFalse();
    assertThat(AudioSystemProbe.soundServerPresent(Map.of(), "system")).isTrue();
  }

  @Test
  void headlessSessionOptionsNeverTouchTheSystemAudioModule() {
    // AUTO picks headless here; SYSTEM must refuse clearly rather than abort the JVM.
    if (AudioSystemProbe.soundServerPresent()) {
      return;
    }
    try (DeviceManager devices = DeviceManager.create()) {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () ->
                  MediaStack.create(
                      "t", SessionOptions.defaults().withAudioMode(AudioMode.SYSTEM), devices))
          .hasMessageContaining("no sound server");
    }
  }
}
