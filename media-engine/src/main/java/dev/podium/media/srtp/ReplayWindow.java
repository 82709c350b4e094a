package dev.podium.media.srtp;

import java.util.Arrays;

/**
 * The sliding replay window of RFC 3711 §3.3.2 over packet indices (48-bit SRTP index or 31-bit
 * SRTCP index): a bitmap of the last {@code size} indices below and including the highest index
 * authenticated so far, stored as a ring so advancing costs one bit per step.
 */
final class ReplayWindow {
  private final long[] bits;
  private final int mask;
  private long highest = -1;

  /** A window of {@code size} packets; size must be a power of two and at least 64. */
  ReplayWindow(int size) {
    checkSize(size);
    this.bits = new long[size / 64];
    this.mask = size - 1;
  }

  /** Throws IllegalArgumentException unless {@code size} is a power of two of at least 64. */
  static void checkSize(int size) {
    if (size < 64 || Integer.bitCount(size) != 1) {
      throw new IllegalArgumentException("replay window size must be a power of two >= 64");
    }
  }

  /** Highest index accepted so far, or -1 if none. */
  long highest() {
    return highest;
  }

  /** Whether {@code index} has not been seen and is not older than the window. Changes nothing. */
  boolean isFresh(long index) {
    if (index > highest) {
      return true;
    }
    if (highest - index > mask) {
      return false;
    }
    int bit = (int) (index & mask);
    return (bits[bit >>> 6] & (1L << (bit & 63))) == 0;
  }

  /** Records an authenticated index; call only after {@link #isFresh} and authentication. */
  void accept(long index) {
    if (index > highest) {
      long advance = highest < 0 ? Long.MAX_VALUE : index - highest;
      if (advance > mask) {
        Arrays.fill(bits, 0L);
      } else {
        // Slots between the old top and the new one held indices that just left the window.
        for (long i = highest + 1; i < index; i++) {
          int bit = (int) (i & mask);
          bits[bit >>> 6] &= ~(1L << (bit & 63));
        }
      }
      highest = index;
    }
    int bit = (int) (index & mask);
    bits[bit >>> 6] |= 1L << (bit & 63);
  }
}
