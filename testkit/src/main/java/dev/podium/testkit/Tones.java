package dev.podium.testkit;

/**
 * Tone generation and detection for audio assertions.
 *
 * <p>Detection uses the Goertzel algorithm evaluated at the exact frequency asked for (not at the
 * nearest DFT bin), which gives the amplitude of that sinusoid in the window. {@link #hears} then
 * compares the power of that sinusoid ({@code amplitude² / 2}) with the window's total mean power:
 * a pure tone scores about 1.0, an equal mix of k tones about 1/k each, white noise about 2/N and
 * silence is refused by an absolute level floor. Use windows of at least 50 ms (2400 samples at 48
 * kHz): the detector's frequency resolution is about {@code sampleRate / N}, so 440 and 880 Hz are
 * far apart but 440 and 450 Hz are not.
 */
public final class Tones {

  /** Amplitude of generated tones: about -12 dBFS. */
  public static final int DEFAULT_AMPLITUDE = 8_000;

  /**
   * Default minimum share of the window's power that must sit at the asked frequency: 10 %. A lone
   * tone after Opus scores above 0.8; mixes of up to about eight equal tones still pass; noise
   * scores below 0.01.
   */
  public static final double DEFAULT_MIN_POWER_SHARE = 0.10;

  /**
   * Default floor on the window's RMS level, in sample units: 64 (about -54 dBFS). Below it the
   * window counts as silence whatever its spectrum.
   */
  public static final double DEFAULT_MIN_RMS = 64.0;

  private Tones() {}

  /**
   * Estimates the amplitude of the sinusoid at {@code hz} in {@code pcm} (Goertzel).
   *
   * @return the amplitude in sample units: about {@code A} for {@code A·sin(2π·hz·t)}
   */
  public static double magnitude(short[] pcm, int sampleRate, double hz) {
    return magnitude(pcm, 0, pcm.length, sampleRate, hz);
  }

  /** As {@link #magnitude(short[], int, double)}, over {@code pcm[offset, offset+length)}. */
  public static double magnitude(short[] pcm, int offset, int length, int sampleRate, double hz) {
    checkArgs(pcm, offset, length, sampleRate, hz);
    if (length == 0) {
      return 0.0;
    }
    double omega = 2.0 * Math.PI * hz / sampleRate;
    double coeff = 2.0 * Math.cos(omega);
    double s1 = 0.0;
    double s2 = 0.0;
    for (int i = offset; i < offset + length; i++) {
      double s0 = pcm[i] + coeff * s1 - s2;
      s2 = s1;
      s1 = s0;
    }
    // |X(omega)|^2 for a non-integer bin: s1^2 + s2^2 - coeff*s1*s2.
    double power = s1 * s1 + s2 * s2 - coeff * s1 * s2;
    return 2.0 * Math.sqrt(Math.max(power, 0.0)) / length;
  }

  /** Root mean square level of {@code pcm}, in sample units. */
  public static double rms(short[] pcm) {
    if (pcm.length == 0) {
      return 0.0;
    }
    double sum = 0.0;
    for (short s : pcm) {
      sum += (double) s * s;
    }
    return Math.sqrt(sum / pcm.length);
  }

  /**
   * Share of the window's mean power carried by the sinusoid at {@code hz}: 0 (absent) to about 1
   * (a pure tone). Returns 0 for an all-zero window.
   */
  public static double powerShare(short[] pcm, int sampleRate, double hz) {
    double rms = rms(pcm);
    if (rms == 0.0) {
      return 0.0;
    }
    double amplitude = magnitude(pcm, sampleRate, hz);
    return (amplitude * amplitude / 2.0) / (rms * rms);
  }

  /**
   * Whether a tone at {@code hz} is audible in {@code pcm}: the window's RMS is at least {@link
   * #DEFAULT_MIN_RMS} and the tone carries at least {@link #DEFAULT_MIN_POWER_SHARE} of its power.
   */
  public static boolean hears(short[] pcm, int sampleRate, double hz) {
    return hears(pcm, sampleRate, hz, DEFAULT_MIN_POWER_SHARE);
  }

  /** As {@link #hears(short[], int, double)} with an explicit minimum power share (0..1). */
  public static boolean hears(short[] pcm, int sampleRate, double hz, double minPowerShare) {
    return rms(pcm) >= DEFAULT_MIN_RMS && powerShare(pcm, sampleRate, hz) >= minPowerShare;
  }

  /** Generates {@code seconds} of a sine tone (mono 16-bit). */
  public static short[] tone(double hz, int amplitude, int sampleRate, double seconds) {
    short[] out = new short[(int) Math.round(seconds * sampleRate)];
    double step = 2.0 * Math.PI * hz / sampleRate;
    for (int i = 0; i < out.length; i++) {
      out[i] = (short) Math.round(amplitude * Math.sin(step * i));
    }
    return out;
  }

  /**
   * A continuous sine tone as a {@link PcmSource} at {@link PcmSource#SAMPLE_RATE}; the phase
   * carries over between blocks so the tone has no clicks.
   */
  public static PcmSource generator(double hz, int amplitude) {
    if (hz <= 0 || hz >= PcmSource.SAMPLE_RATE / 2.0) {
      throw new IllegalArgumentException("tone must be in (0, Nyquist): " + hz);
    }
    if (amplitude < 0 || amplitude > Short.MAX_VALUE) {
      throw new IllegalArgumentException("amplitude must be 0..32767: " + amplitude);
    }
    double step = 2.0 * Math.PI * hz / PcmSource.SAMPLE_RATE;
    return new PcmSource() {
      private double phase;

      @Override
      public void fill(short[] block) {
        for (int i = 0; i < block.length; i++) {
          block[i] = (short) Math.round(amplitude * Math.sin(phase));
          phase += step;
        }
        phase %= 2.0 * Math.PI;
      }
    };
  }

  private static void checkArgs(short[] pcm, int offset, int length, int sampleRate, double hz) {
    if (offset < 0 || length < 0 || offset + length > pcm.length) {
      throw new IndexOutOfBoundsException("window " + offset + "+" + length + " of " + pcm.length);
    }
    if (sampleRate <= 0 || hz <= 0 || hz >= sampleRate / 2.0) {
      throw new IllegalArgumentException("need 0 < hz < sampleRate/2: " + hz + " @ " + sampleRate);
    }
  }
}
