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
    Application.launch(PodiumApp.class, args);
  }
}
