package dev.podium.app.client;

/**
 * Draws outgoing video frames for a {@link LocalVideoSource#generated generated} local video source
 * (synthetic video for headless bots and tests, or frames the application renders itself). Called
 * on the session's video thread at the chosen frame rate.
 */
@FunctionalInterface
public interface FrameGenerator {

  /** Draws frame number {@code frameIndex} (from 0) into {@code canvas}. */
  void render(long frameIndex, FrameCanvas canvas);

  /** A moving diagonal gradient whose colour cycles: cheap, and shows motion and freezes. */
  static FrameGenerator testPattern() {
    return (frameIndex, canvas) -> {
      int shift = (int) (frameIndex * 4);
      byte[] row = new byte[canvas.width()];
      for (int r = 0; r < canvas.height(); r++) {
        for (int c = 0; c < row.length; c++) {
          row[c] = (byte) (16 + ((r + c + shift) & 0xBF));
        }
        canvas.y().put(r * canvas.strideY(), row);
      }
      int chromaHeight = (canvas.height() + 1) / 2;
      int chromaWidth = (canvas.width() + 1) / 2;
      byte cb = (byte) (64 + (frameIndex % 128));
      byte cr = (byte) (192 - (frameIndex % 128));
      byte[] uRow = new byte[chromaWidth];
      byte[] vRow = new byte[chromaWidth];
      java.util.Arrays.fill(uRow, cb);
      java.util.Arrays.fill(vRow, cr);
      for (int r = 0; r < chromaHeight; r++) {
        canvas.u().put(r * canvas.strideU(), uRow);
        canvas.v().put(r * canvas.strideV(), vRow);
      }
    };
  }
}
