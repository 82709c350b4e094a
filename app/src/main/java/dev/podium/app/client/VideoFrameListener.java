package dev.podium.app.client;

/**
 * Receives decoded frames of one {@link VideoTile} on the session's event thread. Frames are Java
 * copies (the native frame is already released), so the listener may keep them. If the listener is
 * slower than the stream, intermediate frames are skipped: it always gets the newest.
 */
@FunctionalInterface
public interface VideoFrameListener {
  /** A decoded frame of {@code tile}. */
  void onVideoFrame(VideoTile tile, I420Frame frame);
}
