package dev.podium.loadkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StreamCounterTest {

  @Test
  void countsGapsAcrossTheSequenceNumberWrap() {
    StreamCounter counter = new StreamCounter(42);
    for (int seq : new int[] {65533, 65534, 0, 1, 4}) {
      counter.count("video", "1", 96, seq, 100, seq == 0);
    }
    StreamStats stats = counter.snapshot();
    assertThat(stats.packets()).isEqualTo(5);
    assertThat(stats.bytes()).isEqualTo(500);
    assertThat(stats.lastSequenceNumber()).isEqualTo(4);
    assertThat(stats.lost()).isEqualTo(3); // 65535, 2, 3
    assertThat(stats.keyFrameSeen()).isTrue();
    assertThat(stats.firstPacketNanos()).isPositive();
  }

  @Test
  void reorderedPacketsAreNotLost() {
    StreamCounter counter = new StreamCounter(7);
    for (int seq : new int[] {10, 12, 11, 13}) {
      counter.count("audio", "0", 111, seq, 50, false);
    }
    assertThat(counter.snapshot().lost()).isZero();
    assertThat(counter.snapshot().keyFrameSeen()).isFalse();
  }
}
