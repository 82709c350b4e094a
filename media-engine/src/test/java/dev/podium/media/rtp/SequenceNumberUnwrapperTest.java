package dev.podium.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SequenceNumberUnwrapperTest {

  @Test
  void carriesWrapsIntoUpperBits() {
    SequenceNumberUnwrapper unwrapper = new SequenceNumberUnwrapper();
    assertThat(unwrapper.unwrap(65534)).isEqualTo(65534);
    assertThat(unwrapper.unwrap(65535)).isEqualTo(65535);
    assertThat(unwrapper.unwrap(0)).isEqualTo(65536);
    assertThat(unwrapper.unwrap(1)).isEqualTo(65537);
  }

  @Test
  void placesReorderedPacketsBeforeTheWrap() {
    SequenceNumberUnwrapper unwrapper = new SequenceNumberUnwrapper();
    unwrapper.unwrap(65535);
    assertThat(unwrapper.unwrap(2)).isEqualTo(65538);
    assertThat(unwrapper.unwrap(65534)).isEqualTo(65534);
    assertThat(unwrapper.unwrap(3)).isEqualTo(65539);
  }

  @Test
  void staysMonotoneOverManyCycles() {
    SequenceNumberUnwrapper unwrapper = new SequenceNumberUnwrapper();
    long expected = 40_000;
    for (int i = 0; i < 300_000; i++, expected += 7) {
      assertThat(unwrapper.unwrap((int) (expected & 0xFFFF))).isEqualTo(expected);
    }
  }

  @Test
  void peekDoesNotMoveTheReferenceAndResetForgetsIt() {
    SequenceNumberUnwrapper unwrapper = new SequenceNumberUnwrapper();
    unwrapper.unwrap(65000);
    assertThat(unwrapper.peek(10)).isEqualTo(65546);
    assertThat(unwrapper.unwrap(65001)).isEqualTo(65001);
    unwrapper.reset();
    assertThat(unwrapper.unwrap(10)).isEqualTo(10);
  }
}
