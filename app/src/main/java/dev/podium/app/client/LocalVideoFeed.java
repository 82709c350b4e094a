package dev.podium.app.client;

import dev.onvoid.webrtc.media.video.CustomVideoSource;
import dev.onvoid.webrtc.media.video.NativeI420Buffer;
import dev.onvoid.webrtc.media.video.VideoFrame;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes frames drawn by a {@link FrameGenerator} into a {@link CustomVideoSource} at a fixed rate.
 * Each frame is a fresh native buffer; after {@code pushFrame} (which takes its own reference) ours
 * is released.
 */
final class LocalVideoFeed {
  private static final Logger LOG = LoggerFactory.getLogger(LocalVideoFeed.class);

  private final CustomVideoSource source;
  private final VideoFormat format;
  private final FrameGenerator generator;
  private ScheduledFuture<?> task;
  private long index;
  private boolean stopped;

  LocalVideoFeed(CustomVideoSource source, VideoFormat format, FrameGenerator generator) {
    this.source = source;
    this.format = format;
    this.generator = generator;
  }

  synchronized void start(ScheduledExecutorService thread) {
    long period = TimeUnit.SECONDS.toNanos(1) / format.fps();
    task = thread.scheduleAtFixedRate(this::pushOnce, 0, period, TimeUnit.NANOSECONDS);
  }

  private synchronized void pushOnce() {
    if (stopped) {
      return;
    }
    VideoFrame frame = null;
    try {
      NativeI420Buffer buffer = NativeI420Buffer.allocate(format.width(), format.height());
      frame = new VideoFrame(buffer, System.nanoTime());
      generator.render(
          index++,
          new FrameCanvas(
              format.width(),
              format.height(),
              buffer.getDataY(),
              buffer.getStrideY(),
              buffer.getDataU(),
              buffer.getStrideU(),
              buffer.getDataV(),
              buffer.getStrideV()));
      source.pushFrame(frame);
    } catch (RuntimeException e) {
      stopped = true;
      LOG.error("local video generator failed; local video stops", e);
    } finally {
      if (frame != null) {
        frame.release();
      }
    }
  }

  /** Stops; when this returns no push is in flight. */
  synchronized void stop() {
    stopped = true;
    if (task != null) {
      task.cancel(false);
    }
  }
}
