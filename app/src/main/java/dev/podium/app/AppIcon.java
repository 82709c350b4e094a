package dev.podium.app;

import javafx.scene.SnapshotParameters;
import javafx.scene.image.Image;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.SVGPath;

/** The app icon, drawn with shapes (a rounded square with a podium-and-signal mark). */
public final class AppIcon {
  private AppIcon() {}

  /** The mark as an SVG path on a 64×64 grid (also in src/main/resources/dev/podium/icons). */
  public static final String MARK =
      "M20 46h24v6H20z M26 30h12v16H26z M32 12a8 8 0 0 1 8 8 M32 6a14 14 0 0 1 14 14 M32 12a8 8 0 0 0-8 8 M32 6a14 14 0 0 0-14 14";

  /** The icon at {@code size} pixels (call on the FX thread). */
  public static Image render(int size) {
    Rectangle bg = new Rectangle(64, 64);
    bg.setArcWidth(28);
    bg.setArcHeight(28);
    bg.setFill(
        new LinearGradient(
            0,
            0,
            1,
            1,
            true,
            CycleMethod.NO_CYCLE,
            new Stop(0, Color.web("#5b8cff")),
            new Stop(1, Color.web("#7a4dff"))));
    SVGPath mark = new SVGPath();
    mark.setContent(MARK);
    mark.setFill(Color.TRANSPARENT);
    mark.setStroke(Color.WHITE);
    mark.setStrokeWidth(4);
    StackPane pane = new StackPane(bg, mark);
    pane.setStyle("-fx-background-color: transparent;");
    SnapshotParameters params = new SnapshotParameters();
    params.setFill(Color.TRANSPARENT);
    params.setTransform(javafx.scene.transform.Transform.scale(size / 64.0, size / 64.0));
    new javafx.scene.Scene(pane);
    return pane.snapshot(params, null);
  }
}
