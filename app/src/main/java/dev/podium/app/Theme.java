package dev.podium.app;

import javafx.scene.Scene;

/** The app's dark theme (CSS under resources/dev/podium/app). */
public final class Theme {
  private Theme() {}

  /** Where the stylesheet lives. */
  public static final String STYLESHEET = "/dev/podium/app/podium.css";

  /** Applies the theme to {@code scene}. */
  public static void apply(Scene scene) {
    String css = Theme.class.getResource(STYLESHEET).toExternalForm();
    if (!scene.getStylesheets().contains(css)) {
      scene.getStylesheets().add(css);
    }
  }
}
