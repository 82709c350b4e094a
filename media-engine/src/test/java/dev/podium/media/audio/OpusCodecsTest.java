package dev.podium.media.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podium.testkit.Tones;
import org.junit.jupiter.api.Test;

class OpusCodecsTest {

  private final OpusCodecs codecs = OpusCodecs.concentus();

  @Test
  void roundTripsAToneAtThirtyTwoKilobits() {
    OpusEncoder encoder = codecs.newEncoder(1, 32_000, 5);
    OpusDecoder decoder = codecs.newDecoder(1);
    short[] tone = Tones.tone(440, Tones.DEFAULT_AMPLITUDE, 48_000, 1.0);
    short[] heard = new short[tone.length];
    byte[] packet = new byte[OpusCodecs.MAX_PACKET_BYTES];
    short[] frame = new short[OpusCodecs.MAX_FRAME_SAMPLES];
    short[] in = new short[960];
    int bytes = 0;
    for (int f = 0; f < 50; f++) {
      System.arraycopy(tone, f * 960, in, 0, 960);
      int n = encoder.encode(in, 960, packet);
      assertThat(n).isPositive();
      bytes += n;
      assertThat(decoder.decode(packet, 0, n, frame)).isEqualTo(960);
      System.arraycopy(frame, 0, heard, f * 960, 960);
    }
    assertThat(bytes * 8).isBetween(20_000, 40_000); // one second at about 32 kbps
    short[] tail = java.util.Arrays.copyOfRange(heard, 24_000, 48_000);
    assertThat(Tones.powerShare(tail, 48_000, 440)).isGreaterThan(0.8);
    assertThat(decoder.decodeLost(frame)).isEqualTo(960);
    assertThat(decoder.decodeFec(packet, 0, 3, frame)).isEqualTo(960);
  }

  @Test
  void corruptPacketIsAnErrorCodeNotAnException() {
    OpusDecoder decoder = codecs.newDecoder(1);
    short[] pcm = new short[OpusCodecs.MAX_FRAME_SAMPLES];
    // RFC 6716 section 3.4 [R5]: a code 3 packet must hold at least one frame.
    byte[] noFrames = {(byte) 0x03, 0x00};
    assertThat(decoder.decode(noFrames, 0, noFrames.length, pcm)).isNegative();
    byte[] truncated = {(byte) 0x03};
    assertThat(decoder.decode(truncated, 0, truncated.length, pcm)).isNegative();
    assertThat(decoder.decode(noFrames, 1, 50, pcm)).isNegative(); // beyond the array
  }

  @Test
  void mixersSilenceFrameDecodesToSilence() {
    MixOutput out = new MixOutput(codecs, AudioMixerConfig.defaults());
    out.writeSilence(new MixerCounters());
    OpusDecoder decoder = codecs.newDecoder(1);
    short[] pcm = new short[OpusCodecs.MAX_FRAME_SAMPLES];
    assertThat(decoder.decode(out.packet, 0, out.length, pcm)).isEqualTo(960);
    for (int i = 0; i < 960; i++) {
      assertThat(pcm[i]).isZero();
    }
  }

  @Test
  void refusesOutOfRangeSettings() {
    assertThatThrownBy(() -> codecs.newEncoder(3, 32_000, 5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> codecs.newEncoder(1, 1_000, 5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AudioMixerConfig(96_000, 1, 3, 5, 40, 200, 60))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new AudioMixerConfig(128_000, 2, 3, 5, 40, 200, 60).channels()).isEqualTo(2);
  }
}
