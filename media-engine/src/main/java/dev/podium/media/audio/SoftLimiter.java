package dev.podium.media.audio;

/**
 * A gain-riding peak limiter for one mixed output, with a whole frame of look-ahead.
 *
 * <p>The mixer hands it a full 20 ms frame of summed samples, so the gain the frame needs (full
 * scale over its peak) is known before any sample is written. The gain glides towards that target
 * quickly (about 0.5 ms) when it must fall and slowly (about 50 ms) when it may rise, which avoids
 * the clicks of a gain step and the distortion of clipping. While the frame fits and the gain is
 * back at exactly 1, samples are copied untouched: a lone speaker, whose sum can never exceed full
 * scale, passes bit-exact. Samples still above full scale (a peak in the first fraction of a
 * millisecond of a frame, before the gain has fallen) are hard-clipped and counted.
 */
final class SoftLimiter {

  private static final int FULL_SCALE = Short.MAX_VALUE;
  private static final double ATTACK = Math.exp(-1.0 / (0.0005 * OpusCodecs.SAMPLE_RATE));
  private static final double RELEASE = Math.exp(-1.0 / (0.050 * OpusCodecs.SAMPLE_RATE));

  /** Gains this close to 1 snap to exactly 1, ending the release. */
  private static final double UNITY_EPSILON = 1e-4;

  private double gain = 1.0;

  /**
   * Limits {@code in[0, n)} into {@code out[0, n)}.
   *
   * @return samples that had to be hard-clipped
   */
  int process(int[] in, short[] out, int n) {
    int peak = 0;
    for (int i = 0; i < n; i++) {
      int a = Math.abs(in[i]);
      if (a > peak) {
        peak = a;
      }
    }
    double target = peak > FULL_SCALE ? (double) FULL_SCALE / peak : 1.0;
    if (gain == 1.0 && target == 1.0) {
      for (int i = 0; i < n; i++) {
        out[i] = (short) in[i];
      }
      return 0;
    }
    int clamped = 0;
    double g = gain;
    for (int i = 0; i < n; i++) {
      g = g > target ? target + (g - target) * ATTACK : target - (target - g) * RELEASE;
      long v = Math.round(in[i] * g);
      if (v > FULL_SCALE) {
        v = FULL_SCALE;
        clamped++;
      } else if (v < -FULL_SCALE - 1) {
        v = -FULL_SCALE - 1;
        clamped++;
      }
      out[i] = (short) v;
    }
    gain = 1.0 - g < UNITY_EPSILON ? 1.0 : g;
    return clamped;
  }

  /** Current gain, 1 when idle. */
  double gain() {
    return gain;
  }

  void reset() {
    gain = 1.0;
  }
}
