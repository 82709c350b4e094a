package dev.podium.testkit;

import dev.onvoid.webrtc.media.video.VideoFrame;
import dev.onvoid.webrtc.media.video.VideoTrackSink;
import java.time.Duration;
import java.util.Arrays;
import java.util.OptionalInt;

/**
 * What one recvonly video transceiver of a {@link TestPeer} decoded: frame count, last size, the
 * last {@link VideoPattern} counter seen and every frame's arrival time (to find freezes).
 *
 * <p>The sink runs on a libwebrtc decoder thread: it reads a few bytes, releases the frame (frames
 * handed to sinks are copies that must be released) and returns; it never blocks.
 */
public final class ReceivedVideo {

  private static final int MAX_ARRIVALS = 200_000;

  private final String peerName;
  private final int index;
  private volatile String mid;
  private final Sink sink = new Sink();
  private long frames;
  private int lastWidth;
  private int lastHeight;
  private int lastCounter = -1;
  private long[] arrivals = new long[256];
  private int arrivalCount;

  ReceivedVideo(String peerName, int index) {
    this.peerName = peerName;
    this.index = index;
  }

  VideoTrackSink sink() {
    return sink;
  }

  void setMid(String mid) {
    this.mid = mid;
  }

  /** The transceiver's mid, or {@code null} before the first offer. */
  public String mid() {
    return mid;
  }

  /** Position of this transceiver among the peer's receive-video transceivers, from 0. */
  public int index() {
    return index;
  }

  /** Frames decoded so far. */
  public synchronized long frameCount() {
    return frames;
  }

  /** Width of the last decoded frame, 0 before the first. */
  public synchronized int lastWidth() {
    return lastWidth;
  }

  /** Height of the last decoded frame, 0 before the first. */
  public synchronized int lastHeight() {
    return lastHeight;
  }

  /** The {@link VideoPattern} counter of the last decoded frame, if it was readable. */
  public synchronized OptionalInt lastFrameCounter() {
    return lastCounter < 0 ? OptionalInt.empty() : OptionalInt.of(lastCounter);
  }

  /** {@link System#nanoTime()} of each decoded frame's arrival, oldest first (bounded history). */
  public synchronized long[] arrivalNanos() {
    return Arrays.copyOf(arrivals, arrivalCount);
  }

  /** Largest interval between consecutive decoded frames so far (zero with fewer than two). */
  public Duration largestGap() {
    return largestGapBetween(Long.MIN_VALUE, Long.MAX_VALUE);
  }

  /**
   * Largest interval between consecutive frames that both arrived within {@code [fromNanos,
   * toNanos]} (values of {@link System#nanoTime()}).
   */
  public synchronized Duration largestGapBetween(long fromNanos, long toNanos) {
    long max = 0;
    long previous = 0;
    boolean havePrevious = false;
    for (int i = 0; i < arrivalCount; i++) {
      long t = arrivals[i];
      if (t - fromNanos < 0 && fromNanos != Long.MIN_VALUE) {
        continue;
      }
      if (t - toNanos > 0 && toNanos != Long.MAX_VALUE) {
        break;
      }
      if (havePrevious) {
        max = Math.max(max, t - previous);
      }
      previous = t;
      havePrevious = true;
    }
    return Duration.ofNanos(max);
  }

  /**
   * Waits until at least {@code n} frames in total have been decoded.
   *
   * @throws PeerTimeoutException if that does not happen within {@code timeout}
   */
  public synchronized ReceivedVideo awaitFrames(long n, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (frames < n) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new PeerTimeoutException(
            String.format(
                "%s: %d video frames on mid %s not decoded within %s (got %d, last %dx%d)",
                peerName, n, mid, timeout, frames, lastWidth, lastHeight));
      }
      waitNanos(left);
    }
    return this;
  }

  private void waitNanos(long nanos) {
    try {
      wait(Math.max(1, nanos / 1_000_000), 0);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PeerOperationException(peerName + ": interrupted while waiting for video", e);
    }
  }

  private synchronized void record(long at, int width, int height, int counter) {
    frames++;
    lastWidth = width;
    lastHeight = height;
    lastCounter = counter;
    if (arrivalCount == arrivals.length) {
      if (arrivals.length < MAX_ARRIVALS) {
        arrivals = Arrays.copyOf(arrivals, Math.min(arrivals.length * 2, MAX_ARRIVALS));
      } else {
        System.arraycopy(arrivals, arrivals.length / 2, arrivals, 0, arrivals.length / 2);
        arrivalCount = arrivals.length / 2;
      }
    }
    arrivals[arrivalCount++] = at;
    notifyAll();
  }

  @Override
  public synchronized String toString() {
    return "ReceivedVideo["
        + peerName
        + " mid="
        + mid
        + " frames="
        + frames
        + " last="
        + lastWidth
        + "x"
        + lastHeight
        + "]";
  }

  private final class Sink implements VideoTrackSink {
    @Override
    public void onVideoFrame(VideoFrame frame) {
      long at = System.nanoTime();
      try {
        var i420 = frame.buffer.toI420();
        int counter = VideoPattern.readCounter(i420).orElse(-1);
        record(at, frame.buffer.getWidth(), frame.buffer.getHeight(), counter);
      } catch (RuntimeException e) {
        record(at, 0, 0, -1);
      } finally {
        frame.release();
      }
    }
  }
}
