package dev.podium.app.client;

import java.nio.ByteBuffer;

/**
 * The writable I420 planes of one outgoing video frame, handed to a {@link FrameGenerator}. The
 * buffers are native memory valid only during the call; write rows at their stride.
 */
public final class FrameCanvas {
  private final int width;
  private final int height;
  private final ByteBuffer y;
  private final ByteBuffer u;
  private final ByteBuffer v;
  private final int strideY;
  private final int strideU;
  private final int strideV;

  FrameCanvas(
      int width,
      int height,
      ByteBuffer y,
      int strideY,
      ByteBuffer u,
      int strideU,
      ByteBuffer v,
      int strideV) {
    this.width = width;
    this.height = height;
    this.y = y;
    this.u = u;
    this.v = v;
    this.strideY = strideY;
    this.strideU = strideU;
    this.strideV = strideV;
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  /** Luma plane, {@link #strideY()} bytes per row, {@link #height()} rows. */
  public ByteBuffer y() {
    return y;
  }

  /** Cb plane, {@link #strideU()} bytes per row, ceil(height/2) rows. */
  public ByteBuffer u() {
    return u;
  }

  /** Cr plane, {@link #strideV()} bytes per row, ceil(height/2) rows. */
  public ByteBuffer v() {
    return v;
  }

  public int strideY() {
    return strideY;
  }

  public int strideU() {
    return strideU;
  }

  public int strideV() {
    return strideV;
  }
}
