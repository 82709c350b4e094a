package dev.podium.bench;

import dev.podium.media.audio.OpusCodecs;
import dev.podium.media.audio.OpusDecoder;
import dev.podium.media.audio.OpusEncoder;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Opus encode and decode time per 20 ms frame, 48 kHz mono 32 kbps, speech-like signal (a synthetic
 * vowel: 140 Hz harmonics shaped by two formants, 4 Hz syllable envelope, light noise).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class OpusCodecBenchmark {

  private static final int FRAME = OpusCodecs.FRAME_SAMPLES;
  private static final int FRAMES = 50;

  @Param({"5", "10"})
  int complexity;

  private final short[][] frames = new short[FRAMES][FRAME];
  private final byte[][] packets = new byte[FRAMES][];
  private final byte[] out = new byte[OpusCodecs.MAX_PACKET_BYTES];
  private final short[] pcm = new short[OpusCodecs.MAX_FRAME_SAMPLES];
  private OpusEncoder encoder;
  private OpusDecoder decoder;
  private int index;

  /** A synthetic vowel, 1 s long. */
  static short[][] speechLike(int frames) {
    Random random = new Random(1);
    short[][] out = new short[frames][FRAME];
    for (int f = 0; f < frames; f++) {
      for (int i = 0; i < FRAME; i++) {
        double t = (f * FRAME + i) / 48_000.0;
        double envelope = 0.5 + 0.5 * Math.sin(2 * Math.PI * 4 * t);
        double s = 0;
        for (int h = 1; h * 140 < 4_000; h++) {
          double hz = h * 140.0;
          double gain =
              Math.exp(-Math.pow((hz - 700) / 200, 2))
                  + 0.6 * Math.exp(-Math.pow((hz - 1_200) / 250, 2))
                  + 0.05;
          s += gain * Math.sin(2 * Math.PI * hz * t);
        }
        double v = 5_000 * envelope * s + 300 * random.nextGaussian();
        out[f][i] = (short) Math.max(-32_768, Math.min(32_767, v));
      }
    }
    return out;
  }

  @Setup
  public void setUp() {
    short[][] signal = speechLike(FRAMES);
    for (int f = 0; f < FRAMES; f++) {
      frames[f] = signal[f];
    }
    encoder = OpusCodecs.concentus().newEncoder(1, 32_000, complexity);
    decoder = OpusCodecs.concentus().newDecoder(1);
    OpusEncoder packer = OpusCodecs.concentus().newEncoder(1, 32_000, complexity);
    for (int f = 0; f < FRAMES; f++) {
      int n = packer.encode(frames[f], FRAME, out);
      packets[f] = java.util.Arrays.copyOf(out, n);
    }
  }

  @Benchmark
  public int encode() {
    return encoder.encode(frames[index++ % FRAMES], FRAME, out);
  }

  @Benchmark
  public int decode() {
    byte[] p = packets[index++ % FRAMES];
    return decoder.decode(p, 0, p.length, pcm);
  }
}
