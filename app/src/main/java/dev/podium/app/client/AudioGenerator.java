package dev.podium.app.client;

/**
 * Supplies the audio a session sends instead of a microphone (bots, load tools, tests): 48 kHz mono
 * signed 16-bit PCM, asked for in 10 ms blocks of {@value #SAMPLES_PER_BLOCK} samples on the
 * session's audio thread. Set with {@link SessionOptions#withAudioGenerator}. Return quickly; never
 * block.
 */
@FunctionalInterface
public interface AudioGenerator {

  /** Sample rate of every block, in Hz. */
  int SAMPLE_RATE = 48_000;

  /** Samples in one 10 ms block. */
  int SAMPLES_PER_BLOCK = SAMPLE_RATE / 100;

  /** Overwrites {@code block} ({@value #SAMPLES_PER_BLOCK} samples) with the next 10 ms. */
  void fill(short[] block);

  /** A continuous sine tone of {@code hz} at {@code amplitude} (0–32767). */
  static AudioGenerator tone(double hz, int amplitude) {
    if (hz <= 0 || hz >= SAMPLE_RATE / 2.0 || amplitude < 0 || amplitude > Short.MAX_VALUE) {
      throw new IllegalArgumentException("bad tone " + hz + " Hz at " + amplitude);
    }
    double step = 2 * Math.PI * hz / SAMPLE_RATE;
    double[] phase = {0};
    return block -> {
      for (int i = 0; i < block.length; i++) {
        block[i] = (short) Math.round(amplitude * Math.sin(phase[0]));
        phase[0] += step;
        if (phase[0] > 2 * Math.PI) {
          phase[0] -= 2 * Math.PI;
        }
      }
    };
  }
}
