package dev.podium.media.audio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SoftLimiterTest {

  private static int[] sine(double hz, int amplitude) {
    int[] f = new int[960];
    for (int i = 0; i < f.length; i++) {
      f[i] = (int) Math.round(amplitude * Math.sin(2 * Math.PI * hz * i / 48_000.0));
    }
    return f;
  }

  @Test
  void passesFramesWithinFullScaleUntouched() {
    SoftLimiter limiter = new SoftLimiter();
    int[] in = sine(440, 32_767);
    in[10] = -32_768;
    short[] out = new short[960];
    assertThat(limiter.process(in, out, 960)).isZero();
    for (int i = 0; i < 960; i++) {
      assertThat(out[i]).isEqualTo((short) in[i]);
    }
  }

  @Test
  void bringsAnOverloadedSumUnderFullScaleAndRecoversUnityGain() {
    SoftLimiter limiter = new SoftLimiter();
    int[] loud = sine(440, 90_000);
    short[] out = new short[960];
    int clamped = 0;
    for (int k = 0; k < 10; k++) {
      clamped += limiter.process(loud, out, 960);
    }
    assertThat(clamped).isLessThan(20);
    assertThat(limiter.process(loud, out, 960)).isZero(); // steady: the gain glides, no jumps
    assertThat(limiter.gain()).isBetween(0.35, 0.37);
    int[] quiet = sine(440, 10_000);
    for (int k = 0; k < 50; k++) { // 1 s of release
      assertThat(limiter.process(quiet, out, 960)).isZero();
    }
    assertThat(limiter.gain()).isEqualTo(1.0);
    limiter.process(quiet, out, 960);
    for (int i = 0; i < 960; i++) {
      assertThat(out[i]).isEqualTo((short) quiet[i]);
    }
  }
}
