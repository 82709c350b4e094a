package dev.podium.media.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NackGeneratorTest {
  private final NackGenerator nacks = new NackGenerator();

  @Test
  void asksForGapsAgainAfterTheRetryIntervalAndStopsWhenRepaired() {
    long now = 1_000;
    nacks.onPacket(100, now);
    nacks.onPacket(103, now);
    assertThat(nacks.poll(now)).containsExactly(101, 102);
    assertThat(nacks.poll(now + 1)).as("not again before the interval").isEmpty();
    assertThat(nacks.onPacket(101, now + 5)).as("repair fills a gap").isTrue();
    assertThat(nacks.onPacket(101, now + 6)).as("duplicate").isFalse();
    assertThat(nacks.poll(now + NackGenerator.RETRY_INTERVAL_MILLIS)).containsExactly(102);
    assertThat(nacks.recoveredCount()).isEqualTo(1);
  }

  @Test
  void givesUpAfterMaxRetriesOrTheHorizon() {
    long now = 0;
    nacks.onPacket(1, now);
    nacks.onPacket(3, now);
    int asked = 0;
    for (int i = 0; i < 100; i++) {
      asked += nacks.poll(now).size();
      now += NackGenerator.RETRY_INTERVAL_MILLIS;
    }
    assertThat(asked).isEqualTo(NackGenerator.MAX_RETRIES);
    assertThat(nacks.missingCount()).isZero();
    assertThat(nacks.givenUpCount()).isEqualTo(1);

    nacks.onPacket(10, now);
    assertThat(nacks.poll(now + NackGenerator.GIVE_UP_MILLIS + 1)).isEmpty();
  }

  @Test
  void handlesWrapAndIgnoresStreamRestarts() {
    nacks.onPacket(65534, 0);
    nacks.onPacket(1, 0);
    assertThat(nacks.poll(0)).containsExactly(65535, 0);
    nacks.onPacket(30_000, 0);
    assertThat(nacks.missingCount()).as("a jump of thousands is a restart").isZero();
  }
}
