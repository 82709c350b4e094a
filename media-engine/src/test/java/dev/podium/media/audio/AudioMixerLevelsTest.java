package dev.podium.media.audio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.media.audio.MixerHarness.RecordingSink;
import dev.podium.testkit.Tones;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AudioMixerLevelsTest {

  @Test
  void loneSpeakerPassesThroughBitExact() {
    MixerHarness h = new MixerHarness(AudioMixerConfig.defaults(), new PassthroughCodecs());
    // Near full scale: any gain change or limiting would show.
    MixerHarness.Sender s = h.sender("a", 440, 32_000);
    RecordingSink silent = h.listener("silent", null);
    List<short[]> sent = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      h.step();
      sent.add(s.pcm.clone());
    }
    // The jitter buffer holds 2 frames: the frame heard at tick i is the one sent at tick i-1
    // (the buffer starts playing when the second packet is queued).
    short[] heard = silent.last(200);
    short[] expected = new short[heard.length];
    for (int k = 0; k < 10; k++) {
      System.arraycopy(sent.get(19 + k), 0, expected, k * 960, 960);
    }
    assertThat(heard).isEqualTo(expected);
    assertThat(h.mixer.stats().clampedSamples()).isZero();
  }

  @Test
  void limiterKeepsThreeLoudSourcesFromClipping() {
    MixerHarness h = new MixerHarness(AudioMixerConfig.defaults(), new PassthroughCodecs());
    h.sender("a", 440, 25_000);
    h.sender("b", 660, 25_000);
    h.sender("c", 880, 25_000);
    RecordingSink silent = h.listener("silent", null);
    RecordingSink la = h.listener("la", "a");
    h.steps(10);
    long clampedEarly = h.mixer.stats().clampedSamples();
    h.steps(40);

    short[] mix = silent.last(500);
    int peak = 0;
    int atRail = 0;
    for (short v : mix) {
      peak = Math.max(peak, Math.abs(v));
      if (v == Short.MAX_VALUE || v == Short.MIN_VALUE) {
        atRail++;
      }
    }
    assertThat(atRail).as("samples sitting at full scale").isZero();
    assertThat(peak).as("still loud").isGreaterThan(20_000);
    assertThat(h.mixer.stats().clampedSamples()).isEqualTo(clampedEarly);
    assertThat(clampedEarly).as("only the attack of the first loud frames").isLessThan(50);
    assertThat(Tones.hears(mix, 48_000, 440) && Tones.hears(mix, 48_000, 880)).isTrue();
    short[] minus = la.last(500);
    assertThat(Tones.powerShare(minus, 48_000, 440)).isLessThan(0.001);
  }

  @Test
  void levelsReportVolumeMutedActiveAndSpeakerOrder() {
    MixerHarness h = new MixerHarness(AudioMixerConfig.defaults());
    h.sender("loud", 440, 16_000);
    h.sender("soft", 660, 2_000);
    h.mixer.addSource("idle");
    h.steps(30);

    AudioLevels levels = h.mixer.levels();
    assertThat(levels.activeSpeakers()).containsExactly("loud", "soft");
    AudioLevel loud = levels.sources().get(0);
    AudioLevel soft = levels.sources().get(1);
    AudioLevel idle = levels.sources().get(2);
    // 16000 amplitude sine: RMS -9.2 dBFS → 0.85; 2000: -27.3 dBFS → 0.55.
    assertThat(loud.volume()).isBetween(0.80, 0.90);
    assertThat(soft.volume()).isBetween(0.50, 0.60);
    assertThat(loud.active() && soft.active()).isTrue();
    assertThat(idle.active()).isFalse();
    assertThat(idle.volume()).isZero();
    assertThat(loud.signal()).isGreaterThan(0.9);
  }

  @Test
  void levelListenerIsToldAtMostEvery200MillisAndOnlyOnChange() {
    MixerHarness h = new MixerHarness(AudioMixerConfig.defaults());
    MixerHarness.Sender a = h.sender("a", 440, Tones.DEFAULT_AMPLITUDE);
    List<Long> times = new ArrayList<>();
    List<AudioLevels> seen = new ArrayList<>();
    h.mixer.setLevelListener(
        l -> {
          times.add(h.now);
          seen.add(l);
        });
    h.steps(100); // 2 s of a steady tone

    assertThat(times.size()).isBetween(2, 4); // start, rising level, steady: then silence
    for (int i = 1; i < times.size(); i++) {
      assertThat(times.get(i) - times.get(i - 1)).isGreaterThanOrEqualTo(200);
    }
    assertThat(seen.get(seen.size() - 1).activeSpeakers()).containsExactly("a");
    int before = times.size();
    a.sending = false;
    h.steps(50);
    assertThat(times.size()).isGreaterThan(before);
    AudioLevels last = seen.get(seen.size() - 1);
    assertThat(last.activeSpeakers()).isEmpty();
    assertThat(last.sources().get(0).active()).isFalse();
  }

  @Test
  void silentSourceGoesInactiveInsteadOfBeingConcealedForever() {
    MixerHarness h = new MixerHarness(AudioMixerConfig.defaults());
    MixerHarness.Sender a = h.sender("a", 440, Tones.DEFAULT_AMPLITUDE);
    h.steps(20);
    a.sending = false; // DTX or gone
    long concealed = h.mixer.stats().concealedFrames();
    h.steps(50);
    assertThat(h.mixer.stats().concealedFrames() - concealed).isEqualTo(3); // 60 ms
    assertThat(h.mixer.source("a").active()).isFalse();
    assertThat(h.mixer.mixedSpeakers()).isEmpty();
    a.sending = true; // resumes after the pause
    h.steps(10);
    assertThat(h.mixer.mixedSpeakers()).containsExactly("a");
  }

  @Test
  void reordersAndConcealsReceivedPackets() {
    MixerHarness h = new MixerHarness(AudioMixerConfig.defaults());
    MixerHarness.Sender a = h.sender("a", 440, Tones.DEFAULT_AMPLITUDE);
    a.sending = false; // fed by hand below
    RecordingSink silent = h.listener("silent", null);
    byte[][] pending = new byte[2][];
    int[] pendingSeq = new int[2];
    long[] pendingTs = new long[2];
    for (int i = 0; i < 100; i++) {
      int n = a.next();
      boolean lost = i % 10 == 5;
      if (i % 2 == 0) { // hold even packets, deliver them after the odd ones: swapped pairs
        pending[0] = java.util.Arrays.copyOf(a.packet, n);
        pendingSeq[0] = a.seq;
        pendingTs[0] = a.timestamp;
        pending[1] = lost ? null : pending[0];
      } else {
        if (!lost) {
          a.source.onRtp(a.seq, a.timestamp, a.packet, 0, n, -1, h.now);
        }
        if (pending[1] != null) {
          a.source.onRtp(pendingSeq[0], pendingTs[0], pending[0], -1, h.now);
        }
      }
      h.tick();
    }
    AudioMixerStats stats = h.mixer.stats();
    assertThat(stats.latePackets()).isZero();
    // 1 in 10 packets never arrived: each one recovered by FEC or concealed, no more.
    assertThat(stats.concealedFrames() + stats.fecFrames()).isBetween(9L, 11L);
    assertThat(Tones.hears(silent.last(1_000), 48_000, 440, 0.5)).isTrue();
  }
}
