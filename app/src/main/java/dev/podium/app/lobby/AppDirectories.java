package dev.podium.app.lobby;

import java.nio.file.Path;

/** Where the app keeps per-user files. */
public final class AppDirectories {
  private AppDirectories() {}

  /**
   * The config directory: {@code -Dpodium.config.dir}, else {@code $XDG_CONFIG_HOME/podium}, else
   * {@code ~/.config/podium}.
   */
  public static Path config() {
    String override = System.getProperty("podium.config.dir");
    if (override != null && !override.isBlank()) {
      return Path.of(override);
    }
    String xdg = System.getenv("XDG_CONFIG_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".config");
    return base.resolve("podium");
  }
}
