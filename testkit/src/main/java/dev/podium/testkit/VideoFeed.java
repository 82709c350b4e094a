package dev.podium.testkit;

import dev.onvoid.webrtc.media.video.CustomVideoSource;
import dev.onvoid.webrtc.media.video.NativeI420Buffer;
import dev.onvoid.webrtc.media.video.VideoFrame;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes {@link VideoPattern} frames into one peer's {@link CustomVideoSource} at a fixed rate on
 * the environment's video threads. Each frame is a fresh {@code NativeI420Buffer}; after {@code
 * pushFrame} (which takes its own reference) our reference is released.
 */
final class VideoFeed {

  private static final Logger LOG = LoggerFactory.getLogger(VideoFeed.class);

  private final String name;
  private final CustomVideoSource source;
  private final VideoSend options;
  private final VideoPattern pattern;
  private final AtomicLong pushed = new AtomicLong();
  private ScheduledFuture<?> task;
  private boolean stopped;
  private boolean failed;

  VideoFeed(String name, CustomVideoSource source, VideoSend options) {
    this.name = name;
    this.source = source;
    this.options = options;
    this.pattern = new VideoPattern(options.width(), options.height());
  }

  synchronized void start(ScheduledExecutorService executor) {
    long period = TimeUnit.SECONDS.toNanos(1) / options.fps();
    task = executor.scheduleAtFixedRate(this::pushOnce, 0, period, TimeUnit.NANOSECONDS);
  }

  private synchronized void pushOnce() {
    if (stopped || failed) {
      return;
    }
    VideoFrame frame = null;
    try {
      NativeI420Buffer buffer = NativeI420Buffer.allocate(options.width(), options.height());
      frame = new VideoFrame(buffer, System.nanoTime());
      pattern.render(buffer, pushed.get());
      source.pushFrame(frame);
      pushed.incrementAndGet();
    } catch (RuntimeException e) {
      failed = true;
      LOG.error("video feed of {} failed; it stops pushing", name, e);
    } finally {
      if (frame != null) {
        frame.release();
      }
    }
  }

  /** Stops the feed; when this returns no push is in flight. */
  synchronized void stop() {
    stopped = true;
    if (task != null) {
      task.cancel(false);
    }
  }

  long pushedFrames() {
    return pushed.get();
  }
}
