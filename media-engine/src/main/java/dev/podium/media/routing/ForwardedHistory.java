package dev.podium.media.routing;

/**
 * What a consumer sent under each of its recent output sequence numbers: which layer and input
 * sequence number it came from and the rewriting offsets in force, so a NACKed packet can be
 * rebuilt from the producer's cache exactly as it was first sent. A ring of {@link #CAPACITY}
 * slots, nothing allocated per packet.
 */
final class ForwardedHistory {
  static final int CAPACITY = 1024;

  /** Do not resend one packet more often than this (the subscriber repeats its NACKs). */
  static final long MIN_RESEND_INTERVAL_MILLIS = 10;

  private final int[] outSeq = new int[CAPACITY];
  private final int[] layer = new int[CAPACITY];
  private final int[] inSeq = new int[CAPACITY];
  private final long[] timestampDelta = new long[CAPACITY];
  private final int[] pictureIdDelta = new int[CAPACITY];
  private final int[] tl0Delta = new int[CAPACITY];
  private final long[] sentMillis = new long[CAPACITY];
  private final long[] resentMillis = new long[CAPACITY];

  ForwardedHistory() {
    java.util.Arrays.fill(outSeq, -1);
  }

  void record(int out, int fromLayer, int in, long tsDelta, int pidDelta, int tl0, long nowMillis) {
    int slot = out & (CAPACITY - 1);
    outSeq[slot] = out;
    layer[slot] = fromLayer;
    inSeq[slot] = in;
    timestampDelta[slot] = tsDelta;
    pictureIdDelta[slot] = pidDelta;
    tl0Delta[slot] = tl0;
    sentMillis[slot] = nowMillis;
    resentMillis[slot] = Long.MIN_VALUE / 2;
  }

  /**
   * The slot of output sequence number {@code out} if it may be resent now (known, younger than
   * {@code maxAgeMillis}, not resent in the last {@link #MIN_RESEND_INTERVAL_MILLIS}), else -1.
   * Marks it resent.
   */
  int claimResend(int out, long nowMillis, long maxAgeMillis) {
    int slot = out & (CAPACITY - 1);
    if (outSeq[slot] != out
        || nowMillis - sentMillis[slot] > maxAgeMillis
        || nowMillis - resentMillis[slot] < MIN_RESEND_INTERVAL_MILLIS) {
      return -1;
    }
    resentMillis[slot] = nowMillis;
    return slot;
  }

  int layer(int slot) {
    return layer[slot];
  }

  int inSeq(int slot) {
    return inSeq[slot];
  }

  long timestampDelta(int slot) {
    return timestampDelta[slot];
  }

  int pictureIdDelta(int slot) {
    return pictureIdDelta[slot];
  }

  int tl0Delta(int slot) {
    return tl0Delta[slot];
  }
}
