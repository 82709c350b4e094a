package dev.podium.app;

import dev.podium.app.client.I420Frame;

/** Synthetic "webcam" frames for screenshots: a tinted room and a head-and-shoulders figure. */
final class SyntheticFrames {
  private SyntheticFrames() {}

  static I420Frame person(int width, int height, double hue, double shift) {
    int[] rgb = new int[width * height];
    java.awt.Color wall = java.awt.Color.getHSBColor((float) hue, 0.35f, 0.42f);
    java.awt.Color wallDark = java.awt.Color.getHSBColor((float) hue, 0.45f, 0.22f);
    java.awt.Color shirt = java.awt.Color.getHSBColor((float) ((hue + 0.5) % 1), 0.55f, 0.55f);
    java.awt.Color skin = new java.awt.Color(224, 180, 150);
    java.awt.Color hair = java.awt.Color.getHSBColor(0.07f, 0.5f, (float) (0.15 + 0.2 * shift));
    double cx = width * (0.5 + 0.08 * (shift - 0.5));
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        double t = (double) y / height;
        java.awt.Color c = mix(wall, wallDark, t * 0.9 + 0.1 * Math.abs((double) x / width - 0.5));
        // Shoulders: an ellipse at the bottom.
        double sx = (x - cx) / (width * 0.30);
        double sy = (y - height * 1.02) / (height * 0.38);
        if (sx * sx + sy * sy < 1) {
          c = shirt;
        }
        // Head.
        double hx = (x - cx) / (height * 0.16);
        double hy = (y - height * 0.45) / (height * 0.21);
        if (hx * hx + hy * hy < 1) {
          c = hy < -0.45 ? hair : skin;
        }
        rgb[y * width + x] = c.getRGB();
      }
    }
    return toI420(width, height, rgb);
  }

  private static java.awt.Color mix(java.awt.Color a, java.awt.Color b, double t) {
    t = Math.max(0, Math.min(1, t));
    return new java.awt.Color(
        (int) (a.getRed() * (1 - t) + b.getRed() * t),
        (int) (a.getGreen() * (1 - t) + b.getGreen() * t),
        (int) (a.getBlue() * (1 - t) + b.getBlue() * t));
  }

  /** BT.601 limited range, the inverse of {@link I420Frame#toArgb}. */
  static I420Frame toI420(int w, int h, int[] rgb) {
    int cw = (w + 1) / 2;
    int ch = (h + 1) / 2;
    byte[] y = new byte[w * h];
    byte[] u = new byte[cw * ch];
    byte[] v = new byte[cw * ch];
    for (int row = 0; row < h; row++) {
      for (int col = 0; col < w; col++) {
        int p = rgb[row * w + col];
        int r = (p >> 16) & 0xFF;
        int g = (p >> 8) & 0xFF;
        int b = p & 0xFF;
        y[row * w + col] = (byte) (((66 * r + 129 * g + 25 * b + 128) >> 8) + 16);
        if (row % 2 == 0 && col % 2 == 0) {
          int i = (row / 2) * cw + col / 2;
          u[i] = (byte) (((-38 * r - 74 * g + 112 * b + 128) >> 8) + 128);
          v[i] = (byte) (((112 * r - 94 * g - 18 * b + 128) >> 8) + 128);
        }
      }
    }
    return new I420Frame(w, h, y, u, v, 0);
  }
}
