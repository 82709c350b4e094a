package dev.podium.app.client;

import dev.onvoid.webrtc.media.video.I420Buffer;
import java.nio.ByteBuffer;

/**
 * One decoded video frame in Java memory: tightly packed I420 planes (Y: width x height, U and V:
 * ceil(width/2) x ceil(height/2)). {@link #toArgb} converts it for drawing (e.g. into a JavaFX
 * {@code WritableImage} with an INT_ARGB_PRE pixel format, or a {@code BufferedImage}).
 *
 * @param width pixels
 * @param height pixels
 * @param y luma plane
 * @param u Cb plane
 * @param v Cr plane
 * @param timestampNs capture timestamp of the frame
 */
public record I420Frame(int width, int height, byte[] y, byte[] u, byte[] v, long timestampNs) {

  /** Width of the chroma planes. */
  public int chromaWidth() {
    return (width + 1) / 2;
  }

  /** Height of the chroma planes. */
  public int chromaHeight() {
    return (height + 1) / 2;
  }

  /** Copies a native I420 buffer (which the caller still owns and releases). */
  static I420Frame copyOf(I420Buffer buffer, long timestampNs) {
    int w = buffer.getWidth();
    int h = buffer.getHeight();
    int cw = (w + 1) / 2;
    int ch = (h + 1) / 2;
    byte[] y = copyPlane(buffer.getDataY(), buffer.getStrideY(), w, h);
    byte[] u = copyPlane(buffer.getDataU(), buffer.getStrideU(), cw, ch);
    byte[] v = copyPlane(buffer.getDataV(), buffer.getStrideV(), cw, ch);
    return new I420Frame(w, h, y, u, v, timestampNs);
  }

  private static byte[] copyPlane(ByteBuffer plane, int stride, int w, int h) {
    byte[] out = new byte[w * h];
    ByteBuffer src = plane.duplicate();
    for (int row = 0; row < h; row++) {
      src.position(row * stride);
      src.get(out, row * w, w);
    }
    return out;
  }

  /**
   * Converts to opaque ARGB pixels (BT.601 limited range), row by row.
   *
   * @param out array of at least width*height ints, or null to allocate one
   * @return the array written
   */
  public int[] toArgb(int[] out) {
    int[] argb = out != null && out.length >= width * height ? out : new int[width * height];
    int cw = chromaWidth();
    for (int row = 0; row < height; row++) {
      int yRow = row * width;
      int cRow = (row / 2) * cw;
      for (int col = 0; col < width; col++) {
        int luma = (y[yRow + col] & 0xFF) - 16;
        int cb = (u[cRow + col / 2] & 0xFF) - 128;
        int cr = (v[cRow + col / 2] & 0xFF) - 128;
        int c = 298 * Math.max(luma, 0);
        int r = clamp((c + 409 * cr + 128) >> 8);
        int g = clamp((c - 100 * cb - 208 * cr + 128) >> 8);
        int b = clamp((c + 516 * cb + 128) >> 8);
        argb[yRow + col] = 0xFF000000 | (r << 16) | (g << 8) | b;
      }
    }
    return argb;
  }

  private static int clamp(int value) {
    return value < 0 ? 0 : Math.min(value, 255);
  }
}
