package dev.podium.app;

import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Tooltip;

/** Small helpers shared by the views. */
public final class Ui {
  private Ui() {}

  /** Runs tasks on the JavaFX thread (directly when already on it). */
  public static final Executor FX =
      task -> {
        if (Platform.isFxApplicationThread()) {
          task.run();
        } else {
          Platform.runLater(task);
        }
      };

  /** A toolbar button: icon above a short label, with a tooltip naming its shortcut. */
  public static Button toolButton(String id, String iconPath, String label, String shortcut) {
    Button b = new Button(label, Icons.icon(iconPath));
    b.setId(id);
    b.setContentDisplay(ContentDisplay.TOP);
    b.getStyleClass().add("tool-button");
    b.setFocusTraversable(false);
    b.setTooltip(new Tooltip(shortcut == null ? label : label + "  (" + shortcut + ")"));
    return b;
  }

  /** Adds {@code styleClass} to {@code node} while {@code condition} holds. */
  public static void styleWhen(Node node, String styleClass, ObservableBooleanValue condition) {
    Runnable apply =
        () -> {
          node.getStyleClass().remove(styleClass);
          if (condition.get()) {
            node.getStyleClass().add(styleClass);
          }
        };
    condition.addListener((o, a, b) -> apply.run());
    apply.run();
  }

  /** Shows and manages {@code node} only while {@code condition} holds. */
  public static void showWhen(Node node, ObservableBooleanValue condition) {
    node.visibleProperty().bind(condition);
    node.managedProperty().bind(condition);
  }
}
