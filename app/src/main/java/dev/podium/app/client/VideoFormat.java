package dev.podium.app.client;

/**
 * Size and rate of local video.
 *
 * @param width pixels, even, 16–1920
 * @param height pixels, even, 16–1080
 * @param fps frames per second, 1–60
 */
public record VideoFormat(int width, int height, int fps) {
  /** 1280x720 at 30 fps, the meeting's default maximum. */
  public static final VideoFormat HD = new VideoFormat(1280, 720, 30);

  /** 640x360 at 30 fps. */
  public static final VideoFormat SD = new VideoFormat(640, 360, 30);

  public VideoFormat {
    if (width < 16
        || width > 1920
        || height < 16
        || height > 1080
        || width % 2 != 0
        || height % 2 != 0) {
      throw new IllegalArgumentException("unsupported video size " + width + "x" + height);
    }
    if (fps < 1 || fps > 60) {
      throw new IllegalArgumentException("fps must be 1-60, was " + fps);
    }
  }
}
