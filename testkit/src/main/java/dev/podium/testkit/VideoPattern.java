package dev.podium.testkit;

import dev.onvoid.webrtc.media.video.I420Buffer;
import java.nio.ByteBuffer;
import java.util.OptionalInt;

/**
 * Synthetic video: a diagonal luma ramp that scrolls every frame (so the encoder always has motion
 * to code) and, along the top edge, a frame counter drawn as luma blocks that survive VP8 and
 * scaling, so a receiver can tell which frame it decoded.
 *
 * <p>Counter layout, relative to the frame width so that every simulcast layer carries it: {@value
 * #BLOCKS} blocks of {@code width / 24} pixels square, starting at the top-left corner. Blocks 0
 * and 1 are markers (white, black), blocks 2..17 hold the counter's 16 bits, most significant
 * first, white for 1 and black for 0. Frames at least 96 pixels wide carry it.
 */
public final class VideoPattern {

  /** Counter blocks across the top edge: two markers and 16 bits. */
  public static final int BLOCKS = 18;

  private static final int BITS = 16;
  private static final byte WHITE = (byte) 235;
  private static final byte BLACK = (byte) 16;
  private static final byte GREY = (byte) 128;
  private static final int SCROLL_PER_FRAME = 4;

  private final int width;
  private final int height;
  private final byte[] ramp;
  private final byte[] chromaRow;

  /** Creates a generator for frames of {@code width x height}. */
  public VideoPattern(int width, int height) {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("bad size " + width + "x" + height);
    }
    this.width = width;
    this.height = height;
    this.ramp = new byte[width + 256];
    for (int i = 0; i < ramp.length; i++) {
      ramp[i] = (byte) (16 + (i % 256) * 219 / 255);
    }
    this.chromaRow = new byte[(width + 1) / 2];
    java.util.Arrays.fill(chromaRow, GREY);
  }

  /** Size of one counter block for frames {@code width} pixels wide, or 0 if too narrow. */
  public static int blockSize(int width) {
    int block = width / 24;
    return block >= 4 ? block : 0;
  }

  /**
   * Draws frame number {@code frameNumber} into {@code buffer} (which must be this pattern's size).
   */
  public void render(I420Buffer buffer, long frameNumber) {
    if (buffer.getWidth() != width || buffer.getHeight() != height) {
      throw new IllegalArgumentException(
          "buffer is "
              + buffer.getWidth()
              + "x"
              + buffer.getHeight()
              + ", pattern "
              + width
              + "x"
              + height);
    }
    ByteBuffer y = buffer.getDataY();
    int strideY = buffer.getStrideY();
    int shift = (int) ((frameNumber * SCROLL_PER_FRAME) % 256);
    for (int row = 0; row < height; row++) {
      y.put(row * strideY, ramp, (row + shift) % 256, width);
    }
    drawCounter(y, strideY, (int) (frameNumber & 0xFFFF));
    int chromaHeight = (height + 1) / 2;
    ByteBuffer u = buffer.getDataU();
    ByteBuffer v = buffer.getDataV();
    for (int row = 0; row < chromaHeight; row++) {
      u.put(row * buffer.getStrideU(), chromaRow, 0, chromaRow.length);
      v.put(row * buffer.getStrideV(), chromaRow, 0, chromaRow.length);
    }
  }

  private void drawCounter(ByteBuffer y, int strideY, int counter) {
    int block = blockSize(width);
    if (block == 0 || block > height) {
      return;
    }
    byte[] line = new byte[block * BLOCKS];
    for (int b = 0; b < BLOCKS; b++) {
      boolean white = b == 0 || (b >= 2 && ((counter >> (BITS - 1 - (b - 2))) & 1) == 1);
      java.util.Arrays.fill(line, b * block, (b + 1) * block, white ? WHITE : BLACK);
    }
    for (int row = 0; row < block; row++) {
      y.put(row * strideY, line, 0, line.length);
    }
  }

  /**
   * Reads the frame counter drawn by {@link #render} from a decoded (possibly scaled) frame.
   *
   * @return the counter modulo 65536, or empty if the markers are not where they should be
   */
  public static OptionalInt readCounter(I420Buffer buffer) {
    int block = blockSize(buffer.getWidth());
    if (block == 0 || block > buffer.getHeight()) {
      return OptionalInt.empty();
    }
    ByteBuffer y = buffer.getDataY();
    int stride = buffer.getStrideY();
    if (!isWhite(y, stride, block, 0) || isWhite(y, stride, block, 1)) {
      return OptionalInt.empty();
    }
    int counter = 0;
    for (int bit = 0; bit < BITS; bit++) {
      counter = (counter << 1) | (isWhite(y, stride, block, bit + 2) ? 1 : 0);
    }
    return OptionalInt.of(counter);
  }

  private static boolean isWhite(ByteBuffer y, int stride, int block, int index) {
    int cx = index * block + block / 2;
    int cy = block / 2;
    int sum = 0;
    for (int dy = -1; dy <= 0; dy++) {
      for (int dx = -1; dx <= 0; dx++) {
        sum += y.get((cy + dy) * stride + cx + dx) & 0xFF;
      }
    }
    return sum / 4 >= 128;
  }
}
