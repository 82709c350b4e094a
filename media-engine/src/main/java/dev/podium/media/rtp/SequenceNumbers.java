package dev.podium.media.rtp;

/**
 * Wrap-aware arithmetic on 16-bit RTP sequence numbers (RFC 3550 §5.1, serial-number style
 * comparison as in RFC 1982).
 *
 * <p>Two numbers exactly half the space apart (difference 0x8000) are ambiguous; the numerically
 * larger one is then treated as the newer so that {@link #compare} stays antisymmetric.
 */
public final class SequenceNumbers {
  /** Number of distinct sequence numbers. */
  public static final int MODULUS = 1 << 16;

  private static final int MASK = MODULUS - 1;
  private static final int HALF = MODULUS / 2;

  private SequenceNumbers() {}

  /**
   * Signed distance from {@code b} to {@code a}: positive when {@code a} is newer. The result lies
   * in [-32768, 32768]; ±32768 only for the ambiguous half-way case.
   */
  public static int diff(int a, int b) {
    int d = (a - b) & MASK;
    if (d < HALF) {
      return d;
    }
    if (d > HALF) {
      return d - MODULUS;
    }
    return (a & MASK) > (b & MASK) ? HALF : -HALF;
  }

  /** Orders sequence numbers across the wrap: negative when {@code a} is older than {@code b}. */
  public static int compare(int a, int b) {
    return Integer.signum(diff(a, b));
  }

  /** True when {@code a} comes after {@code b} in wrap-aware order. */
  public static boolean isNewer(int a, int b) {
    return diff(a, b) > 0;
  }

  /** {@code seq + delta} modulo 2^16. */
  public static int add(int seq, int delta) {
    return (seq + delta) & MASK;
  }
}
