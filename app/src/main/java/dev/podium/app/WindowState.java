package dev.podium.app;

import java.util.prefs.Preferences;
import javafx.stage.Stage;

/** Remembers the main window's size, position and maximised state between runs. */
final class WindowState {
  private final Preferences prefs;

  WindowState(Preferences prefs) {
    this.prefs = prefs;
  }

  void restore(Stage stage) {
    stage.setWidth(Math.max(800, prefs.getDouble("width", 1280)));
    stage.setHeight(Math.max(560, prefs.getDouble("height", 800)));
    double x = prefs.getDouble("x", Double.NaN);
    double y = prefs.getDouble("y", Double.NaN);
    if (!Double.isNaN(x) && !Double.isNaN(y)) {
      stage.setX(x);
      stage.setY(y);
    }
    stage.setMaximized(prefs.getBoolean("maximized", false));
  }

  void save(Stage stage) {
    prefs.putBoolean("maximized", stage.isMaximized());
    if (!stage.isMaximized()) {
      prefs.putDouble("width", stage.getWidth());
      prefs.putDouble("height", stage.getHeight());
      prefs.putDouble("x", stage.getX());
      prefs.putDouble("y", stage.getY());
    }
  }
}
