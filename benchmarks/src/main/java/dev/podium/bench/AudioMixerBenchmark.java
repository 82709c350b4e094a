package dev.podium.bench;

import dev.podium.media.audio.AudioMixer;
import dev.podium.media.audio.AudioMixerConfig;
import dev.podium.media.audio.AudioMixerSource;
import dev.podium.media.audio.OpusCodecs;
import dev.podium.media.audio.OpusEncoder;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Mixer CPU per 20 ms tick: 3 speakers, each also a listener (so 3 mix-minus encodings plus the
 * shared one), and 1,000 listeners that only count frames. Each op feeds one pre-encoded packet per
 * speaker and runs one tick (3 decodes, mix, 4 encodes, 1,003 deliveries).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AudioMixerBenchmark {

  private static final int PACKETS = 50;

  @Param({"3"})
  int speakers;

  @Param({"1000"})
  int listeners;

  private AudioMixer mixer;
  private AudioMixerSource[] sources;
  private byte[][][] packets;
  private long now;
  private int seq;
  private long frames;

  @Setup(Level.Trial)
  public void setUp() {
    mixer = new AudioMixer(AudioMixerConfig.defaults(), OpusCodecs.concentus(), () -> now);
    sources = new AudioMixerSource[speakers];
    packets = new byte[speakers][PACKETS][];
    short[][] voice = OpusCodecBenchmark.speechLike(PACKETS);
    byte[] out = new byte[OpusCodecs.MAX_PACKET_BYTES];
    for (int s = 0; s < speakers; s++) {
      sources[s] = mixer.addSource("s" + s);
      mixer.addListener("own" + s, "s" + s, (p, len, ts, shared) -> frames++);
      OpusEncoder encoder = OpusCodecs.concentus().newEncoder(1, 32_000, 5);
      for (int f = 0; f < PACKETS; f++) {
        int n = encoder.encode(voice[(f + 17 * s) % PACKETS], OpusCodecs.FRAME_SAMPLES, out);
        packets[s][f] = java.util.Arrays.copyOf(out, n);
      }
    }
    for (int l = 0; l < listeners; l++) {
      mixer.addListener("l" + l, null, (p, len, ts, shared) -> frames++);
    }
  }

  @Benchmark
  public long tick() {
    for (int s = 0; s < speakers; s++) {
      byte[] p = packets[s][seq % PACKETS];
      sources[s].onRtp(seq & 0xFFFF, seq * 960L, p, -1, now);
    }
    seq++;
    mixer.tick();
    now += 20;
    return frames;
  }

  private long cpuAtStart;
  private long ticksAtStart;

  /** Thread CPU time is reported too: on a shared 2-core machine wall time mostly measures load. */
  @Setup(Level.Iteration)
  public void startIteration() {
    cpuAtStart = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    ticksAtStart = mixer.stats().ticks();
  }

  @TearDown(Level.Iteration)
  public void endIteration() {
    long cpu =
        java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime()
            - cpuAtStart;
    long ticks = mixer.stats().ticks() - ticksAtStart;
    System.out.printf(" [thread CPU %,d ns/tick]", ticks == 0 ? 0 : cpu / ticks);
  }

  @TearDown(Level.Trial)
  public void report() {
    System.out.println(
        "\nmixed=" + mixer.mixedSpeakers() + " stats=" + mixer.stats() + " frames=" + frames);
  }
}
