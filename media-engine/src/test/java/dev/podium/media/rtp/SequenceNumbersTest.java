package dev.podium.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SequenceNumbersTest {

  @Test
  void diffIsWrapAware() {
    assertThat(SequenceNumbers.diff(0, 65535)).isEqualTo(1);
    assertThat(SequenceNumbers.diff(65535, 0)).isEqualTo(-1);
    assertThat(SequenceNumbers.diff(10, 5)).isEqualTo(5);
    assertThat(SequenceNumbers.diff(5, 10)).isEqualTo(-5);
    assertThat(SequenceNumbers.diff(100, 65500)).isEqualTo(136);
    assertThat(SequenceNumbers.diff(7, 7)).isZero();
  }

  @Test
  void halfWayCaseIsAntisymmetric() {
    assertThat(SequenceNumbers.diff(0x8000, 0)).isEqualTo(32768);
    assertThat(SequenceNumbers.diff(0, 0x8000)).isEqualTo(-32768);
    assertThat(SequenceNumbers.isNewer(0x8000, 0)).isTrue();
    assertThat(SequenceNumbers.isNewer(0, 0x8000)).isFalse();
    for (int a = 0; a < 65536; a += 97) {
      for (int b = 0; b < 65536; b += 1013) {
        assertThat(SequenceNumbers.compare(a, b)).isEqualTo(-SequenceNumbers.compare(b, a));
      }
    }
  }

  @Test
  void compareOrdersAcrossTheWrap() {
    assertThat(SequenceNumbers.compare(2, 65530)).isPositive();
    assertThat(SequenceNumbers.compare(65530, 2)).isNegative();
    assertThat(SequenceNumbers.isNewer(1, 65535)).isTrue();
    assertThat(SequenceNumbers.isNewer(65535, 1)).isFalse();
  }

  @Test
  void addWrapsModulo65536() {
    assertThat(SequenceNumbers.add(65535, 1)).isZero();
    assertThat(SequenceNumbers.add(0, -1)).isEqualTo(65535);
    assertThat(SequenceNumbers.add(100, 16)).isEqualTo(116);
  }
}
