package dev.podium.media.audio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.media.audio.AudioJitterBuffer.Poll;
import org.junit.jupiter.api.Test;

class AudioJitterBufferTest {

  private final MixerCounters counters = new MixerCounters();
  private final AudioJitterBuffer buffer =
      new AudioJitterBuffer(AudioMixerConfig.defaults(), counters);

  private AudioPacketResult offer(int seq, long now) {
    return buffer.offer(seq, seq * 960L, new byte[] {(byte) seq}, 0, 1, now);
  }

  private int played() {
    return buffer.packet()[0] & 0xFF;
  }

  @Test
  void playsInSequenceOrderAfterReordering() {
    assertThat(offer(11, 0)).isEqualTo(AudioPacketResult.ACCEPTED);
    assertThat(offer(10, 0)).isEqualTo(AudioPacketResult.ACCEPTED);
    assertThat(offer(13, 0)).isEqualTo(AudioPacketResult.ACCEPTED);
    assertThat(offer(12, 0)).isEqualTo(AudioPacketResult.ACCEPTED);
    for (int expected = 10; expected <= 13; expected++) {
      assertThat(buffer.poll(0)).isEqualTo(Poll.PACKET);
      assertThat(played()).isEqualTo(expected);
    }
  }

  @Test
  void waitsForTargetDepthBeforePlaying() {
    offer(1, 0);
    assertThat(buffer.poll(0)).isEqualTo(Poll.IDLE);
    offer(2, 20);
    assertThat(buffer.poll(20)).isEqualTo(Poll.PACKET);
    assertThat(played()).isEqualTo(1);
  }

  @Test
  void loneDtxPacketPlaysAfterTheTargetDelay() {
    offer(1, 0);
    assertThat(buffer.poll(20)).isEqualTo(Poll.IDLE);
    assertThat(buffer.poll(40)).isEqualTo(Poll.PACKET);
  }

  @Test
  void gapWithLaterPacketsIsRecoveredFromTheNextPacketsFec() {
    offer(1, 0);
    offer(2, 0);
    offer(4, 0);
    offer(6, 0);
    offer(7, 0);
    assertThat(buffer.poll(0)).isEqualTo(Poll.PACKET);
    assertThat(buffer.poll(0)).isEqualTo(Poll.PACKET);
    assertThat(buffer.poll(0)).isEqualTo(Poll.FEC); // 3 is lost, 4 carries its FEC
    assertThat(played()).isEqualTo(4);
    assertThat(buffer.poll(0)).isEqualTo(Poll.PACKET);
    assertThat(played()).isEqualTo(4);
    assertThat(buffer.poll(0)).isEqualTo(Poll.FEC);
    assertThat(buffer.poll(0)).isEqualTo(Poll.PACKET);
    assertThat(played()).isEqualTo(6);
  }

  @Test
  void twoLostInARowAreConcealedThenFec() {
    offer(1, 0);
    offer(2, 0);
    offer(5, 0);
    buffer.poll(0);
    buffer.poll(0);
    assertThat(buffer.poll(0)).isEqualTo(Poll.CONCEAL); // 3: nothing carries it
    assertThat(buffer.poll(0)).isEqualTo(Poll.FEC); // 4: from 5
    assertThat(buffer.poll(0)).isEqualTo(Poll.PACKET);
    assertThat(played()).isEqualTo(5);
  }

  @Test
  void underrunConcealsWithoutSkippingSoALatePacketStillPlays() {
    offer(1, 0);
    offer(2, 0);
    buffer.poll(0);
    buffer.poll(20);
    assertThat(buffer.poll(40)).isEqualTo(Poll.CONCEAL);
    offer(3, 50);
    assertThat(buffer.poll(60)).isEqualTo(Poll.PACKET);
    assertThat(played()).isEqualTo(3);
  }

  @Test
  void dropsPacketsWhosePlayoutTimeHasPassed() {
    offer(1, 0);
    offer(2, 0);
    offer(4, 0);
    buffer.poll(0);
    buffer.poll(0);
    buffer.poll(0); // 3 concealed/FEC'd
    assertThat(offer(3, 0)).isEqualTo(AudioPacketResult.LATE);
    assertThat(offer(2, 0)).isEqualTo(AudioPacketResult.LATE);
    assertThat(counters.latePackets).isEqualTo(2);
  }

  @Test
  void dropsDuplicatesAndInvalidPayloads() {
    offer(1, 0);
    assertThat(offer(1, 0)).isEqualTo(AudioPacketResult.DUPLICATE);
    assertThat(buffer.offer(2, 0, new byte[0], 0, 0, 0)).isEqualTo(AudioPacketResult.INVALID);
    assertThat(counters.droppedPackets).isEqualTo(2);
  }

  @Test
  void goesIdleAfterConcealingSixtyMillis() {
    offer(1, 0);
    offer(2, 0);
    buffer.poll(0);
    buffer.poll(0);
    assertThat(buffer.poll(0)).isEqualTo(Poll.CONCEAL);
    assertThat(buffer.poll(0)).isEqualTo(Poll.CONCEAL);
    assertThat(buffer.poll(0)).isEqualTo(Poll.CONCEAL);
    assertThat(buffer.poll(0)).isEqualTo(Poll.IDLE);
    assertThat(buffer.idle()).isTrue();
    offer(500, 1_000); // a new talk spurt starts afresh, whatever its sequence number
    offer(501, 1_020);
    assertThat(buffer.poll(1_020)).isEqualTo(Poll.PACKET);
  }

  @Test
  void neverHoldsMoreThanTheMaximumDepth() {
    for (int seq = 0; seq < 30; seq++) {
      offer(seq, 0); // a 600 ms burst
    }
    assertThat(buffer.poll(0)).isEqualTo(Poll.PACKET);
    assertThat(played()).isEqualTo(20); // only the newest 200 ms were kept
    assertThat(counters.droppedPackets).isEqualTo(20);
  }

  @Test
  void targetGrowsWithJitterAndStaysWithinTheMaximum() {
    assertThat(buffer.targetMillis()).isEqualTo(40);
    long now = 0;
    for (int seq = 0; seq < 200; seq++) {
      now = seq * 20L + (seq % 2 == 0 ? 0 : 45); // every other packet 45 ms late
      buffer.offer(seq, seq * 960L, new byte[] {1}, 0, 1, now);
      buffer.poll(now);
    }
    assertThat(buffer.jitterMillis()).isGreaterThan(30);
    assertThat(buffer.targetMillis()).isBetween(100, 200);
  }

  @Test
  void sequenceNumbersWrap() {
    offer(65_534, 0);
    offer(65_535, 0);
    offer(0, 0);
    offer(1, 0);
    int[] expected = {254, 255, 0, 1};
    for (int e : expected) {
      assertThat(buffer.poll(0)).isEqualTo(Poll.PACKET);
      assertThat(played()).isEqualTo(e);
    }
  }
}
