package dev.podium.app;

import javafx.scene.Node;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.SVGPath;

/** Line icons drawn for Podium on a 24×24 grid (stroked paths; colour comes from CSS). */
public final class Icons {
  private Icons() {}

  public static final String MIC =
      "M9 5a3 3 0 0 1 6 0v6a3 3 0 0 1-6 0z M5 11a7 7 0 0 0 14 0 M12 18v3 M8 21h8";
  public static final String MIC_OFF = MIC + " M4 3L20 21";
  public static final String CAMERA = "M3 7h12v10H3z M15 10.5l6-3.5v10l-6-3.5";
  public static final String CAMERA_OFF = CAMERA + " M3 3L21 21";
  public static final String SCREEN = "M3 5h18v11H3z M8 20h8 M12 16v4 M9 11l3-3 3 3 M12 8v5";
  public static final String CHAT = "M4 5h16v11H10l-5 4v-4H4z";
  public static final String CAPTIONS = "M3 6h18v12H3z M6.5 11h4 M12.5 11h5 M6.5 14h7 M15.5 14h2";
  public static final String PEOPLE =
      "M9 11a3 3 0 1 0 0-6a3 3 0 1 0 0 6 M3 20c0-4 2.5-6 6-6s6 2 6 6 M15 5.2a3 3 0 0 1 0 5.6"
          + " M17.5 14.5c2 .8 3.5 2.6 3.5 5.5";
  public static final String HAND =
      "M8 12V6.5a1.5 1.5 0 0 1 3 0V11 M11 11V4.5a1.5 1.5 0 0 1 3 0V11 M14 11V6a1.5 1.5 0 0 1 3 0v7"
          + "c0 4.5-2.5 8-6.5 8c-3 0-4.5-1.5-6-4l-2-3.5a1.5 1.5 0 0 1 2.5-1.6L8 14";
  public static final String LEAVE =
      "M3 14c5-5 13-5 18 0l-2.5 3-4-1.2v-2.6c-2-.8-3-.8-5 0v2.6l-4 1.2z";
  public static final String PIN = "M9 3h6l-1 6 3 3H7l3-3z M12 12v9";
  public static final String HOST = "M12 3l8 3v6c0 5-3.6 8-8 9c-4.4-1-8-4-8-9V6z M9 12l2 2 4-4";
  public static final String SETTINGS =
      "M12 9a3 3 0 1 0 0 6a3 3 0 1 0 0-6 M12 2v4 M12 18v4 M2 12h4 M18 12h4 M4.9 4.9l2.8 2.8"
          + " M16.3 16.3l2.8 2.8 M4.9 19.1l2.8-2.8 M16.3 7.7l2.8-2.8";
  public static final String LEAVE_STAGE = "M12 4v11 M7 10l5 5 5-5 M4 20h16";
  public static final String LINK =
      "M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1 M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1";
  public static final String COPY = "M8 8h12v12H8z M4 16V4h12";
  public static final String PLUS = "M12 5v14 M5 12h14";
  public static final String SIGNAL = "M4 20v-3 M9 20v-7 M14 20v-11 M19 20V5";

  /** A 24×24 icon node with style class {@code icon} (stroke and size from CSS). */
  public static Node icon(String path) {
    SVGPath svg = new SVGPath();
    svg.setContent(path);
    svg.getStyleClass().add("icon-path");
    StackPane box = new StackPane(svg);
    box.getStyleClass().add("icon");
    box.setMinSize(24, 24);
    box.setPrefSize(24, 24);
    box.setMaxSize(24, 24);
    return box;
  }

  /** Replaces the path of an icon made by {@link #icon}. */
  public static void setPath(Node icon, String path) {
    ((SVGPath) ((StackPane) icon).getChildren().get(0)).setContent(path);
  }
}
