package dev.podium.app;

import dev.podium.server.boot.PodiumServerMain;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;

/**
 * The app's entry point ({@code java -jar podium.jar [podium://join?…] | --server [server
 * options]}). It does not extend {@code Application}: a shaded jar whose main class does fails with
 * "JavaFX runtime components are missing".
 */
public final class PodiumLauncher {
  private PodiumLauncher() {}

  public static void main(String[] args) {
    List<String> rest = new ArrayList<>(List.of(args));
    if (rest.remove("--server") | rest.remove("--headless")) {
      PodiumServerMain.main(rest.toArray(String[]::new));
      return;
    }
    if (!hasDisplay() && !Boolean.getBoolean("podium.forceUi")) {
      System.err.println(
          "No display found: starting the headless Podium server instead"
              + " (pass --server to choose it explicitly).");
      PodiumServerMain.main(rest.toArray(String[]::new));
      return;
    }
    Application.launch(PodiumApp.class, args);
  }

  /** On Linux/BSD a window needs an X11 or Wayland display; other systems always have one. */
  static boolean hasDisplay() {
    String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
    if (os.contains("win") || os.contains("mac")) {
      return true;
    }
    if ("Monocle".equals(System.getProperty("glass.platform"))) {
      return true;
    }
    return notBlank(System.getenv("DISPLAY")) || notBlank(System.getenv("WAYLAND_DISPLAY"));
  }

  private static boolean notBlank(String value) {
    return value != null && !value.isBlank();
  }
}
