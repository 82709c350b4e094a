package dev.podium.app.client;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decides, without touching webrtc-java, whether a sound server is there. It must be decided first:
 * without one, webrtc-java's audio enumeration hangs forever and a factory with the default audio
 * module aborts the JVM ("Failed to initialize the ADM").
 *
 * <p>Linux libwebrtc talks to PulseAudio (PipeWire serves the same socket through pipewire-pulse),
 * so a sound server means: {@code PULSE_SERVER} set to a reachable socket, or a {@code
 * pulse/native} socket in the user's runtime directory or the system-wide one. The system property
 * {@code podium.audio} ({@code system} or {@code headless}) overrides the guess. A machine with
 * only ALSA counts as having none (the headless module is used).
 */
final class AudioSystemProbe {

  /** System property that overrides the probe: {@code system} or {@code headless}. */
  static final String OVERRIDE_PROPERTY = "podium.audio";

  private AudioSystemProbe() {}

  /** True if a sound server appears to be running for this user. */
  static boolean soundServerPresent() {
    return soundServerPresent(System.getenv(), System.getProperty(OVERRIDE_PROPERTY));
  }

  static boolean soundServerPresent(Map<String, String> env, String override) {
    if (override != null) {
      return override.trim().toLowerCase(Locale.ROOT).equals("system");
    }
    if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
      return true; // Windows and macOS always have an audio service
    }
    String pulseServer = env.get("PULSE_SERVER");
    if (pulseServer != null && !pulseServer.isBlank()) {
      String socket = pulseServer.startsWith("unix:") ? pulseServer.substring(5) : null;
      return socket == null || Files.exists(Path.of(socket)); // tcp: trust the user
    }
    for (Path candidate : candidateSockets(env)) {
      if (Files.exists(candidate)) {
        return true;
      }
    }
    return false;
  }

  private static List<Path> candidateSockets(Map<String, String> env) {
    List<Path> paths = new ArrayList<>();
    String runtime = env.get("XDG_RUNTIME_DIR");
    if (runtime != null && !runtime.isBlank()) {
      paths.add(Path.of(runtime, "pulse", "native"));
    }
    try {
      Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
      paths.add(Path.of("/run/user", String.valueOf(uid), "pulse", "native"));
    } catch (Exception e) {
      // no /proc or no unix view: rely on the other candidates
    }
    paths.add(Path.of("/run/pulse/native"));
    paths.add(Path.of("/var/run/pulse/native"));
    return paths;
  }
}
