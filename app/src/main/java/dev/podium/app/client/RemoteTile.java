package dev.podium.app.client;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live state of one {@link VideoTile}: its bound listener and the newest undelivered frame.
 * Decoder threads {@link #offer} copies; delivery runs on the session's event thread and always
 * takes the newest frame (older undelivered ones are dropped), so a slow listener never queues
 * frames.
 */
final class RemoteTile {
  private static final Logger LOG = LoggerFactory.getLogger(RemoteTile.class);

  private final Executor events;
  private final Consumer<VideoTile> onResized;
  private final AtomicReference<I420Frame> newest = new AtomicReference<>();
  private volatile VideoTile tile;
  private volatile VideoFrameListener listener;
  private volatile boolean removed;
  private volatile long framesDelivered;

  RemoteTile(VideoTile tile, Executor events, Consumer<VideoTile> onResized) {
    this.tile = tile;
    this.events = events;
    this.onResized = onResized;
  }

  VideoTile tile() {
    return tile;
  }

  void bind(VideoFrameListener frameListener) {
    this.listener = frameListener;
  }

  void markRemoved() {
    removed = true;
    newest.set(null);
  }

  boolean isRemoved() {
    return removed;
  }

  long framesDelivered() {
    return framesDelivered;
  }

  /** Called on a decoder thread with a Java copy of a frame; never blocks. */
  void offer(I420Frame frame) {
    if (removed) {
      return;
    }
    if (newest.getAndSet(frame) == null) {
      events.execute(this::deliver);
    }
  }

  private void deliver() {
    I420Frame frame = newest.getAndSet(null);
    if (frame == null || removed) {
      return;
    }
    VideoTile current = tile;
    if (current.width() != frame.width() || current.height() != frame.height()) {
      current = current.withSize(frame.width(), frame.height());
      tile = current;
      onResized.accept(current);
    }
    framesDelivered++;
    VideoFrameListener l = listener;
    if (l != null) {
      try {
        l.onVideoFrame(current, frame);
      } catch (RuntimeException e) {
        LOG.warn("video frame listener of tile {} failed", current.tileId(), e);
      }
    }
  }
}
