package dev.podium.media.rtp;

/**
 * Turns 16-bit RTP sequence numbers into a monotone-ish 64-bit extended sequence number (the
 * "cycles" count of RFC 3550 Appendix A.1), one instance per stream, not thread-safe.
 *
 * <p>Each number is placed at the position closest to the previously unwrapped one, so reordered
 * packets yield smaller values and wraps carry into the upper bits. The first number is returned as
 * is; values may go below zero if packets older than the first one arrive.
 */
public final class SequenceNumberUnwrapper {
  private boolean started;
  private long last;

  /** Extended value of {@code seq} (only its low 16 bits are used); updates the reference. */
  public long unwrap(int seq) {
    int s = seq & 0xFFFF;
    if (!started) {
      started = true;
      last = s;
      return last;
    }
    last += SequenceNumbers.diff(s, (int) (last & 0xFFFF));
    return last;
  }

  /** Extended value of {@code seq} as {@link #unwrap} would return it, without updating. */
  public long peek(int seq) {
    int s = seq & 0xFFFF;
    return started ? last + SequenceNumbers.diff(s, (int) (last & 0xFFFF)) : s;
  }

  /** Forgets the reference; the next number starts afresh. */
  public void reset() {
    started = false;
    last = 0;
  }
}
