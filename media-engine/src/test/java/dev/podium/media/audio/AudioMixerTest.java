package dev.podium.media.audio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.media.audio.MixerHarness.RecordingSink;
import dev.podium.testkit.Tones;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AudioMixerTest {

  private static final int RATE = OpusCodecs.SAMPLE_RATE;

  /** A tone is absent when it carries under 1 % of the window's power. */
  private static final double ABSENT = 0.01;

  private static boolean hears(short[] pcm, double hz) {
    return Tones.hears(pcm, RATE, hz);
  }

  private static boolean absent(short[] pcm, double hz) {
    return Tones.powerShare(pcm, RATE, hz) < ABSENT;
  }

  @Test
  void eachSpeakerHearsTheOtherTwoAndNotThemselves() {
    MixerHarness h = new MixerHarness(AudioMixerConfig.defaults());
    h.sender("a", 440, Tones.DEFAULT_AMPLITUDE);
    h.sender("b", 660, Tones.DEFAULT_AMPLITUDE);
    h.sender("c", 880, Tones.DEFAULT_AMPLITUDE);
    RecordingSink a = h.listener("la", "a");
    RecordingSink b = h.listener("lb", "b");
    RecordingSink c = h.listener("lc", "c");
    RecordingSink silent = h.listener("silent", null);

    h.steps(75);

    short[] pa = a.last(500);
    short[] pb = b.last(500);
    short[] pc = c.last(500);
    short[] ps = silent.last(500);
    assertThat(hears(pa, 660) && hears(pa, 880) && absent(pa, 440)).as("a").isTrue();
    assertThat(hears(pb, 440) && hears(pb, 880) && absent(pb, 660)).as("b").isTrue();
    assertThat(hears(pc, 440) && hears(pc, 660) && absent(pc, 880)).as("c").isTrue();
    assertThat(hears(ps, 440) && hears(ps, 660) && hears(ps, 880)).as("silent").isTrue();
    assertThat(h.mixer.mixedSpeakers()).containsExactlyInAnyOrder("a", "b", "c");
    assertThat(silent.sharedFrames).isEqualTo(silent.frames);
    assertThat(a.decodeFailures + b.decodeFailures + c.decodeFailures + silent.decodeFailures)
        .isZero();
    // One shared encoding plus one mix-minus per speaker: 4 encodes per tick once all are mixed.
    long before = h.mixer.stats().encoderInvocations();
    h.steps(10);
    assertThat(h.mixer.stats().encoderInvocations() - before).isEqualTo(40);
  }

  @Test
  void mutedSourceDisappearsFromEveryMix() {
    MixerHarness h = new MixerHarness(AudioMixerConfig.defaults());
    h.sender("a", 440, Tones.DEFAULT_AMPLITUDE);
    h.sender("b", 660, Tones.DEFAULT_AMPLITUDE);
    h.sender("c", 880, Tones.DEFAULT_AMPLITUDE);
    RecordingSink a = h.listener("la", "a");
    RecordingSink b = h.listener("lb", "b");
    RecordingSink c = h.listener("lc", "c");
    RecordingSink silent = h.listener("silent", null);
    h.steps(50);
    assertThat(hears(silent.last(500), 880)).isTrue();

    h.mixer.source("c").setMuted(true);
    h.steps(25);

    assertThat(h.mixer.mixedSpeakers()).containsExactlyInAnyOrder("a", "b");
    short[] pa = a.last(400);
    short[] pb = b.last(400);
    short[] pc = c.last(400);
    short[] ps = silent.last(400);
    assertThat(hears(pa, 660) && absent(pa, 880) && absent(pa, 440)).as("a").isTrue();
    assertThat(hears(pb, 440) && absent(pb, 880) && absent(pb, 660)).as("b").isTrue();
    assertThat(hears(pc, 440) && hears(pc, 660) && absent(pc, 880)).as("muted c").isTrue();
    assertThat(hears(ps, 440) && hears(ps, 660) && absent(ps, 880)).as("silent").isTrue();
    assertThat(h.mixer.levels().sources())
        .filteredOn(l -> l.sourceId().equals("c"))
        .singleElement()
        .satisfies(l -> assertThat(l.muted()).isTrue());
  }

  @Test
  void oneSpeakerAndTwoHundredListenersCostOneEncoderPerTick() {
    MixerHarness h = new MixerHarness(AudioMixerConfig.defaults());
    h.sender("speaker", 440, Tones.DEFAULT_AMPLITUDE);
    int[] received = new int[1];
    h.mixer.addListener("speaker-listener", "speaker", (p, len, ts, shared) -> received[0]++);
    List<Boolean> sharedFlags = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      h.mixer.addListener("l" + i, null, (p, len, ts, shared) -> sharedFlags.add(shared));
    }
    h.steps(10);
    assertThat(h.mixer.mixedSpeakers()).containsExactly("speaker");
    long encodes = h.mixer.stats().encoderInvocations();
    sharedFlags.clear();

    h.steps(50);

    assertThat(h.mixer.stats().encoderInvocations() - encodes).isEqualTo(50);
    assertThat(sharedFlags).hasSize(200 * 50).containsOnly(true);
    assertThat(received[0]).isEqualTo(60); // the speaker gets silence frames, not an encoder
  }

  @Test
  void nobodySpeakingCostsNoEncoder() {
    MixerHarness h = new MixerHarness(AudioMixerConfig.defaults());
    h.mixer.addSource("quiet");
    RecordingSink l = h.listener("l", null);
    h.steps(20);
    assertThat(h.mixer.stats().encoderInvocations()).isZero();
    assertThat(l.frames).isEqualTo(20);
    assertThat(l.decodeFailures).isZero();
    assertThat(Tones.rms(l.last(200))).isZero();
  }

  @Test
  void mixesOnlyTheLoudestThreeOfFour() {
    MixerHarness h = new MixerHarness(AudioMixerConfig.defaults().withMaxSpeakers(3));
    h.sender("quietest", 440, 1_000);
    h.sender("quiet", 660, 3_000);
    h.sender("loud", 880, 6_000);
    h.sender("loudest", 1_100, 12_000);
    RecordingSink silent = h.listener("silent", null);

    h.steps(50);

    assertThat(h.mixer.mixedSpeakers()).containsExactly("loudest", "loud", "quiet");
    assertThat(h.mixer.levels().activeSpeakers())
        .containsExactly("loudest", "loud", "quiet", "quietest");
    short[] ps = silent.last(500);
    assertThat(hears(ps, 660, 0.02) && hears(ps, 880, 0.02) && hears(ps, 1_100, 0.02)).isTrue();
    assertThat(Tones.powerShare(ps, RATE, 440)).isLessThan(0.001);
  }

  private static boolean hears(short[] pcm, double hz, double share) {
    return Tones.hears(pcm, RATE, hz, share);
  }

  @Test
  void listenerSwitchingBetweenSharedAndMixMinusKeepsADecodableStream() {
    MixerHarness h = new MixerHarness(AudioMixerConfig.defaults());
    h.sender("a", 440, Tones.DEFAULT_AMPLITUDE);
    h.sender("b", 660, Tones.DEFAULT_AMPLITUDE);
    MixerHarness.Sender c = h.sender("c", 880, Tones.DEFAULT_AMPLITUDE);
    c.sending = false;
    RecordingSink lc = h.listener("lc", "c");

    h.steps(40); // c silent: shared full mix
    int sharedPhase = lc.sharedFrames;
    assertThat(hears(lc.last(400), 440) && hears(lc.last(400), 660)).isTrue();
    c.sending = true;
    h.steps(40); // c speaks: its mix-minus
    assertThat(lc.sharedFrames - sharedPhase).isLessThan(5);
    short[] speaking = lc.last(400);
    assertThat(hears(speaking, 440) && hears(speaking, 660) && absent(speaking, 880)).isTrue();
    c.sending = false;
    h.steps(60); // c silent again: back to the shared mix
    short[] after = lc.last(400);
    assertThat(hears(after, 440) && hears(after, 660)).isTrue();
    assertThat(lc.sharedFrames).isGreaterThan(sharedPhase + 40);
    assertThat(lc.decodeFailures).isZero();
    assertThat(lc.frames).isEqualTo(140);
  }

  @Test
  void rtpTimestampsAdvanceOneFramePerTickForEveryListener() {
    MixerHarness h = new MixerHarness(AudioMixerConfig.defaults());
    h.sender("a", 440, Tones.DEFAULT_AMPLITUDE);
    h.sender("b", 660, Tones.DEFAULT_AMPLITUDE);
    List<Long> own = new ArrayList<>();
    List<Long> other = new ArrayList<>();
    h.mixer.addListener("la", "a", (p, len, ts, shared) -> own.add(ts));
    h.mixer.addListener("x", null, (p, len, ts, shared) -> other.add(ts));
    h.steps(10);
    assertThat(own).isEqualTo(other);
    for (int i = 1; i < own.size(); i++) {
      assertThat(own.get(i) - own.get(i - 1)).isEqualTo(OpusCodecs.FRAME_SAMPLES);
    }
  }

  @Test
  void stereoOutputCarriesTheMixOnBothChannels() {
    MixerHarness h = new MixerHarness(AudioMixerConfig.defaults().withOutput(128_000, 2));
    h.sender("a", 440, Tones.DEFAULT_AMPLITUDE);
    h.sender("b", 660, Tones.DEFAULT_AMPLITUDE);
    RecordingSink silent = h.listener("silent", null);
    h.steps(40);
    assertThat(silent.decodeFailures).isZero();
    assertThat(hears(silent.last(400), 440) && hears(silent.last(400), 660)).isTrue();
    assertThat(hears(silent.lastRight(400), 440) && hears(silent.lastRight(400), 660)).isTrue();
  }

  @Test
  void removedSourceLeavesTheMixAndItsListenerGetsTheSharedStream() {
    MixerHarness h = new MixerHarness(AudioMixerConfig.defaults());
    h.sender("a", 440, Tones.DEFAULT_AMPLITUDE);
    MixerHarness.Sender b = h.sender("b", 660, Tones.DEFAULT_AMPLITUDE);
    RecordingSink lb = h.listener("lb", "b");
    h.steps(20);
    assertThat(lb.sharedFrames).isLessThan(20);
    h.senders.remove("b");
    h.mixer.removeSource("b");
    h.mixer.removeSource("b");
    assertThat(b.source.onRtp(1, 1, new byte[] {1}, -1, h.now)).isEqualTo(AudioPacketResult.CLOSED);
    int before = lb.sharedFrames;
    h.steps(10);
    assertThat(lb.sharedFrames - before).isEqualTo(10);
    assertThat(h.mixer.mixedSpeakers()).containsExactly("a");
  }
}
