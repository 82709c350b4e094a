package dev.podium.server.transcription;

/**
 * Turns 48 kHz audio into 16 kHz audio for speech recognition: a linear-phase FIR low-pass
 * (Kaiser-windowed sinc, 145 taps, -6 dB at 7.3 kHz, about 70 dB down from 8 kHz) evaluated only at
 * every third input sample, i.e. a polyphase decimator by 3. Dropping two samples in three without
 * the filter would fold everything from 8 to 24 kHz back into the speech band.
 *
 * <p>Keeps its filter history between calls, so one instance serves one continuous stream and one
 * thread at a time.
 */
final class Downsampler48kTo16k {
  static final int FACTOR = 3;
  static final int TAPS = 145;
  private static final double CUTOFF_HZ = 7_300;
  private static final double INPUT_RATE = 48_000;
  private static final double KAISER_BETA = 6.8; // about 70 dB stopband
  private static final float[] H = design();

  private float[] work = new float[TAPS - 1 + 960];
  private int phase; // input index (relative to the next block) of the next output sample

  /** Output samples {@code n} input samples will yield at most. */
  static int maxOutput(int n) {
    return n / FACTOR + 1;
  }

  /**
   * Filters and decimates {@code n} samples of {@code in} into {@code out} (which must hold {@link
   * #maxOutput(int)} samples); returns how many samples were written.
   */
  int process(short[] in, int n, short[] out) {
    int needed = TAPS - 1 + n;
    if (work.length < needed) {
      float[] bigger = new float[needed];
      System.arraycopy(work, 0, bigger, 0, TAPS - 1);
      work = bigger;
    }
    for (int i = 0; i < n; i++) {
      work[TAPS - 1 + i] = in[i];
    }
    int written = 0;
    int i = phase;
    for (; i < n; i += FACTOR) {
      int newest = TAPS - 1 + i;
      float acc = 0;
      for (int k = 0; k < TAPS; k++) {
        acc += H[k] * work[newest - k];
      }
      out[written++] = clip(acc);
    }
    phase = i - n;
    System.arraycopy(work, n, work, 0, TAPS - 1);
    return written;
  }

  /** Forgets the history, as at the start of a new stream. */
  void reset() {
    java.util.Arrays.fill(work, 0);
    phase = 0;
  }

  private static short clip(float v) {
    int r = Math.round(v);
    return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, r));
  }

  private static float[] design() {
    double[] h = new double[TAPS];
    int mid = (TAPS - 1) / 2;
    double fc = CUTOFF_HZ / INPUT_RATE; // cycles per sample
    double sum = 0;
    for (int k = 0; k < TAPS; k++) {
      int m = k - mid;
      double sinc = m == 0 ? 2 * fc : Math.sin(2 * Math.PI * fc * m) / (Math.PI * m);
      double r = (double) m / mid;
      double window = bessel0(KAISER_BETA * Math.sqrt(1 - r * r)) / bessel0(KAISER_BETA);
      h[k] = sinc * window;
      sum += h[k];
    }
    float[] taps = new float[TAPS];
    for (int k = 0; k < TAPS; k++) {
      taps[k] = (float) (h[k] / sum); // unity gain at DC
    }
    return taps;
  }

  /** The modified Bessel function of the first kind, order 0, by its power series. */
  private static double bessel0(double x) {
    double sum = 1;
    double term = 1;
    double half = x / 2;
    for (int k = 1; k < 50; k++) {
      term *= (half / k) * (half / k);
      sum += term;
      if (term < 1e-12 * sum) {
        break;
      }
    }
    return sum;
  }
}
