package dev.podium.media.audio;

/**
 * A gain-riding peak limiter for one mixed output, with a whole frame of look-ahead.
 *
 * <p>The mixer hands it a full 20 ms frame of summed samples, so the gain the frame needs (full
 * scale over its peak) is known before any sample is written. The target gain is the lowest needed
 * over the last {@value #HOLD_FRAMES} frames (a 100 ms hold, so a steady loud mix keeps a steady
 * gain), and the gain glides towards it quickly (about 0.5 ms) when it must fall and slowly (about
 * 50 ms) when it may rise, which avoids the clicks of a gain step and the distortion of clipping.
 * While the frame fits and the gain is back at exactly 1, samples are copied untouched: a lone
 * speaker, whose sum can never exceed full scale, passes bit-exact. A sample that would still
 * overshoot while the gain is falling (a new peak in the first fraction of a millisecond of a
 * frame) takes the gain down at once; those instant attacks are counted.
 */
final class SoftLimiter {

  private static final int MAX = Short.MAX_VALUE;
  private static final int MIN = Short.MIN_VALUE;
  private static final int HOLD_FRAMES = 5;

  /** Once limiting, peaks are brought to 99 % of full scale (-0.09 dB), clear of the rails. */
  private static final double CEILING = 0.99 * MAX;

  private static final double ATTACK = Math.exp(-1.0 / (0.0005 * OpusCodecs.SAMPLE_RATE));
  private static final double RELEASE = Math.exp(-1.0 / (0.050 * OpusCodecs.SAMPLE_RATE));

  /** Gains this close to 1 snap to exactly 1, ending the release. */
  private static final double UNITY_EPSILON = 1e-4;

  private final double[] recentTargets = new double[HOLD_FRAMES];
  private int recentIndex;
  private double gain = 1.0;

  SoftLimiter() {
    java.util.Arrays.fill(recentTargets, 1.0);
  }

  /**
   * Limits {@code in[0, n)} into {@code out[0, n)}.
   *
   * @return samples where the gain had to drop at once (0 in steady state)
   */
  int process(int[] in, short[] out, int n) {
    int max = 0;
    int min = 0;
    for (int i = 0; i < n; i++) {
      int v = in[i];
      if (v > max) {
        max = v;
      } else if (v < min) {
        min = v;
      }
    }
    double frameTarget = 1.0;
    if (max > MAX) {
      frameTarget = CEILING / max;
    }
    if (min < MIN) {
      frameTarget = Math.min(frameTarget, -CEILING / min);
    }
    recentTargets[recentIndex] = frameTarget;
    recentIndex = (recentIndex + 1) % HOLD_FRAMES;
    double target = frameTarget;
    for (double t : recentTargets) {
      target = Math.min(target, t);
    }
    if (gain == 1.0 && target == 1.0) {
      for (int i = 0; i < n; i++) {
        out[i] = (short) in[i];
      }
      return 0;
    }
    int instant = 0;
    double g = gain;
    for (int i = 0; i < n; i++) {
      g = g > target ? target + (g - target) * ATTACK : target - (target - g) * RELEASE;
      int x = in[i];
      double v = x * g;
      if (v > MAX) {
        g = (double) MAX / x;
        v = MAX;
        instant++;
      } else if (v < MIN) {
        g = (double) MIN / x;
        v = MIN;
        instant++;
      }
      out[i] = (short) Math.max(MIN, Math.min(MAX, Math.round(v)));
    }
    gain = 1.0 - g < UNITY_EPSILON && target == 1.0 ? 1.0 : g;
    return instant;
  }

  /** Current gain, 1 when idle. */
  double gain() {
    return gain;
  }

  void reset() {
    gain = 1.0;
    java.util.Arrays.fill(recentTargets, 1.0);
  }
}
