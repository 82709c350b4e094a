package dev.podium.media.srtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReplayWindowTest {

  @Test
  void acceptsAnythingFirstThenRejectsDuplicates() {
    ReplayWindow window = new ReplayWindow(64);
    assertThat(window.isFresh(1000)).isTrue();
    window.accept(1000);
    assertThat(window.isFresh(1000)).isFalse();
    assertThat(window.isFresh(999)).isTrue();
    assertThat(window.isFresh(1001)).isTrue();
    assertThat(window.highest()).isEqualTo(1000);
  }

  @Test
  void rejectsIndicesOlderThanTheWindow() {
    ReplayWindow window = new ReplayWindow(128);
    window.accept(500);
    assertThat(window.isFresh(500 - 127)).isTrue();
    assertThat(window.isFresh(500 - 128)).isFalse();
  }

  @Test
  void forgetsSlotsThatLeaveTheWindowAsItAdvances() {
    ReplayWindow window = new ReplayWindow(64);
    for (long i = 0; i < 64; i++) {
      window.accept(i);
    }
    window.accept(100); // jump: 37..63 remain in window, 64..99 unseen
    for (long i = 37; i < 64; i++) {
      assertThat(window.isFresh(i)).as("index %d", i).isFalse();
    }
    for (long i = 64; i < 100; i++) {
      assertThat(window.isFresh(i)).as("index %d", i).isTrue();
    }
    window.accept(170); // jump beyond the window clears it
    assertThat(window.isFresh(169)).isTrue();
    assertThat(window.isFresh(100)).isFalse(); // too old now
  }

  @Test
  void requiresAPowerOfTwoOfAtLeast64() {
    assertThatThrownBy(() -> new ReplayWindow(32)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ReplayWindow(100)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void estimatesTheIndexPerRfc3711AppendixA() {
    long roc1 = 1L << 16;
    // first packet of a stream: ROC 0
    assertThat(StreamState.estimateIndex(-1, 5)).isEqualTo(5);
    // s_l in the lower half: a seq far above is from the previous ROC
    assertThat(StreamState.estimateIndex(roc1 | 100, 65_500)).isEqualTo(65_500);
    assertThat(StreamState.estimateIndex(roc1 | 100, 200)).isEqualTo(roc1 | 200);
    // s_l in the upper half: a seq far below is from the next ROC
    assertThat(StreamState.estimateIndex(65_500, 10)).isEqualTo(roc1 | 10);
    assertThat(StreamState.estimateIndex(65_500, 65_400)).isEqualTo(65_400);
    // ROC - 1 below zero is impossible: stays at ROC 0
    assertThat(StreamState.estimateIndex(100, 65_000)).isEqualTo(65_000);
  }
}
