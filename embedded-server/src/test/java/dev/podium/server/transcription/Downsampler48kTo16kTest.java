package dev.podium.server.transcription;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Downsampler48kTo16kTest {
  private static final double AMPLITUDE = 10_000;

  /** Output level relative to input level, in dB, for a sine at {@code hz}, past the warm-up. */
  private static double gainDb(double hz) {
    int n = 48_000;
    short[] in = new short[n];
    for (int i = 0; i < n; i++) {
      in[i] = (short) Math.round(AMPLITUDE * Math.sin(2 * Math.PI * hz * i / 48_000));
    }
    Downsampler48kTo16k down = new Downsampler48kTo16k();
    short[] out = new short[Downsampler48kTo16k.maxOutput(n)];
    int m = 0;
    short[] frame = new short[960];
    short[] part = new short[Downsampler48kTo16k.maxOutput(960)];
    for (int off = 0; off < n; off += 960) {
      System.arraycopy(in, off, frame, 0, 960);
      int k = down.process(frame, 960, part);
      System.arraycopy(part, 0, out, m, k);
      m += k;
    }
    double sum = 0;
    int skip = Downsampler48kTo16k.TAPS; // past the filter's warm-up
    for (int i = skip; i < m; i++) {
      sum += (double) out[i] * out[i];
    }
    double rms = Math.sqrt(sum / (m - skip));
    return 20 * Math.log10(rms / (AMPLITUDE / Math.sqrt(2)));
  }

  @Test
  void passesTheSpeechBandNearlyUnchanged() {
    assertThat(gainDb(300)).isBetween(-0.3, 0.3);
    assertThat(gainDb(1_000)).isBetween(-0.3, 0.3);
    assertThat(gainDb(3_400)).isBetween(-0.3, 0.3);
    assertThat(gainDb(6_000)).isBetween(-1.0, 0.5);
  }

  @Test
  void stopsWhatWouldFoldBackIntoTheSpeechBand() {
    // Naive decimation would alias each of these into 0-8 kHz at full level (0 dB).
    for (double hz : new double[] {8_500, 10_000, 13_000, 17_000, 20_000, 23_000}) {
      assertThat(gainDb(hz)).as("gain at %s Hz", hz).isLessThan(-50);
    }
  }

  @Test
  void givesTheSameOutputWhateverTheFrameSize() {
    short[] in = new short[4_800];
    java.util.Random random = new java.util.Random(7);
    for (int i = 0; i < in.length; i++) {
      in[i] = (short) random.nextInt(20_000);
    }
    short[] whole = new short[Downsampler48kTo16k.maxOutput(in.length)];
    int wholeCount = new Downsampler48kTo16k().process(in, in.length, whole);

    Downsampler48kTo16k chunked = new Downsampler48kTo16k();
    short[] pieces = new short[wholeCount + 10];
    int count = 0;
    int off = 0;
    for (int size : new int[] {1, 7, 480, 959, 961, 2, 2390}) {
      short[] chunk = java.util.Arrays.copyOfRange(in, off, off + size);
      short[] out = new short[Downsampler48kTo16k.maxOutput(size)];
      int k = chunked.process(chunk, size, out);
      System.arraycopy(out, 0, pieces, count, k);
      count += k;
      off += size;
    }
    assertThat(off).isEqualTo(in.length);
    assertThat(count).isEqualTo(wholeCount).isEqualTo(1_600);
    assertThat(java.util.Arrays.copyOf(pieces, count))
        .containsExactly(java.util.Arrays.copyOf(whole, wholeCount));
  }
}
