package dev.podium.app.host;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/** Draws the QR code of a text (dark modules on white), or nothing for empty text. */
public final class QrCodeView extends Canvas {

  public QrCodeView(double size) {
    super(size, size);
    getStyleClass().add("qr-code");
  }

  /** Shows the code for {@code text}. */
  public void show(String text) {
    GraphicsContext g = getGraphicsContext2D();
    g.clearRect(0, 0, getWidth(), getHeight());
    if (text == null || text.isEmpty()) {
      return;
    }
    boolean[][] modules = QrCodes.modules(text);
    double cell = Math.floor(getWidth() / modules.length * 100) / 100;
    double offset = (getWidth() - cell * modules.length) / 2;
    g.setFill(Color.WHITE);
    g.fillRoundRect(0, 0, getWidth(), getHeight(), 12, 12);
    g.setFill(Color.web("#111318"));
    for (int y = 0; y < modules.length; y++) {
      for (int x = 0; x < modules[y].length; x++) {
        if (modules[y][x]) {
          g.fillRect(offset + x * cell, offset + y * cell, cell + 0.3, cell + 0.3);
        }
      }
    }
  }
}
