package dev.podium.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TonesTest {

  private static final int RATE = 48_000;

  @Test
  void tellsFourHundredFortyFromEightHundredEighty() {
    short[] a = Tones.tone(440, 8000, RATE, 0.1);
    short[] b = Tones.tone(880, 8000, RATE, 0.1);

    assertThat(Tones.hears(a, RATE, 440)).isTrue();
    assertThat(Tones.hears(a, RATE, 880)).isFalse();
    assertThat(Tones.hears(b, RATE, 880)).isTrue();
    assertThat(Tones.hears(b, RATE, 440)).isFalse();
  }

  @Test
  void magnitudeEstimatesTheToneAmplitude() {
    short[] pcm = Tones.tone(440, 8000, RATE, 0.1);

    assertThat(Tones.magnitude(pcm, RATE, 440)).isCloseTo(8000, within(200.0));
    assertThat(Tones.magnitude(pcm, RATE, 880)).isLessThan(100);
    assertThat(Tones.powerShare(pcm, RATE, 440)).isGreaterThan(0.95);
  }

  @Test
  void hearsBothTonesOfAnEqualMix() {
    short[] a = Tones.tone(440, 6000, RATE, 0.2);
    short[] b = Tones.tone(660, 6000, RATE, 0.2);
    short[] mix = new short[a.length];
    for (int i = 0; i < mix.length; i++) {
      mix[i] = (short) (a[i] + b[i]);
    }

    assertThat(Tones.hears(mix, RATE, 440)).isTrue();
    assertThat(Tones.hears(mix, RATE, 660)).isTrue();
    assertThat(Tones.hears(mix, RATE, 880)).isFalse();
  }

  @Test
  void rejectsSilence() {
    short[] silence = new short[4800];

    assertThat(Tones.hears(silence, RATE, 440)).isFalse();
    assertThat(Tones.magnitude(silence, RATE, 440)).isZero();
  }

  @Test
  void rejectsVeryQuietToneAsSilence() {
    short[] whisper = Tones.tone(440, 20, RATE, 0.1);

    assertThat(Tones.hears(whisper, RATE, 440)).isFalse();
  }

  @Test
  void rejectsWhiteNoise() {
    Random random = new Random(42);
    short[] noise = new short[4800];
    for (int i = 0; i < noise.length; i++) {
      noise[i] = (short) (random.nextGaussian() * 6000);
    }

    assertThat(Tones.hears(noise, RATE, 440)).isFalse();
    assertThat(Tones.hears(noise, RATE, 880)).isFalse();
    assertThat(Tones.powerShare(noise, RATE, 440)).isLessThan(0.01);
  }

  @Test
  void generatorIsContinuousAcrossBlocks() {
    PcmSource source = Tones.generator(440, 8000);
    short[] joined = new short[PcmSource.SAMPLES_PER_BLOCK * 10];
    short[] block = new short[PcmSource.SAMPLES_PER_BLOCK];
    for (int i = 0; i < 10; i++) {
      source.fill(block);
      System.arraycopy(block, 0, joined, i * block.length, block.length);
    }
    short[] reference = Tones.tone(440, 8000, RATE, 0.1);

    for (int i = 0; i < joined.length; i++) {
      assertThat(Math.abs(joined[i] - reference[i])).as("sample %d", i).isLessThanOrEqualTo(2);
    }
    assertThat(Tones.hears(joined, RATE, 440)).isTrue();
  }
}
