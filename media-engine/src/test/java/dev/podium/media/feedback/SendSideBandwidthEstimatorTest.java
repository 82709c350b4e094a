package dev.podium.media.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.media.rtcp.TransportLayerCc;
import java.util.function.IntPredicate;
import java.util.function.IntToLongFunction;
import org.junit.jupiter.api.Test;

class SendSideBandwidthEstimatorTest {
  /** 1,000-byte packets every 10 ms (800 kbps) for {@code seconds}, feedback every 100 ms. */
  private static long run(
      SendSideBandwidthEstimator e,
      int seconds,
      IntPredicate lost,
      IntToLongFunction extraDelayMicros) {
    int seq = 0;
    long now = 0;
    for (int batch = 0; batch < seconds * 10; batch++) {
      int base = seq;
      long[] arrivals = new long[10];
      for (int i = 0; i < 10; i++, seq++, now += 10_000) {
        e.onPacketSent(seq, 1_000, now);
        arrivals[i] =
            lost.test(seq)
                ? TransportLayerCc.NOT_RECEIVED
                : now + 20_000 + extraDelayMicros.applyAsLong(seq);
      }
      e.onFeedback(TransportLayerCc.fromArrivals(1, 2, batch, base, arrivals), now + 25_000);
    }
    return e.estimateBps();
  }

  @Test
  void heavyLossCutsTheEstimateBelowWhatGetsThrough() {
    SendSideBandwidthEstimator e = new SendSideBandwidthEstimator();
    long estimate = run(e, 2, seq -> seq % 10 < 6, seq -> 0);
    assertThat(e.lastLoss()).isGreaterThan(0.5);
    assertThat(estimate)
        .isLessThan(400_000)
        .isGreaterThanOrEqualTo(SendSideBandwidthEstimator.MIN_BPS);
  }

  @Test
  void growingQueueIsOveruse() {
    SendSideBandwidthEstimator e = new SendSideBandwidthEstimator();
    long estimate = run(e, 3, seq -> false, seq -> seq * 1_000L); // +1 ms queue per packet
    assertThat(e.lastQueueDelayMicros())
        .isGreaterThan(SendSideBandwidthEstimator.OVERUSE_DELAY_MICROS);
    assertThat(estimate).isLessThan(800_000);
  }

  @Test
  void cleanPathGrowsSlowlyAndStaysNearWhatIsSent() {
    SendSideBandwidthEstimator e = new SendSideBandwidthEstimator();
    run(e, 1, seq -> seq % 10 < 6, seq -> 0); // start low
    long low = e.estimateBps();
    long later = run(e, 5, seq -> false, seq -> 0);
    assertThat(later).isGreaterThan(low);
    assertThat(later).as("bounded by 3x receive rate + 300 kbps").isLessThanOrEqualTo(2_700_000);
  }

  @Test
  void feedbackForUnknownPacketsIsIgnored() {
    SendSideBandwidthEstimator e = new SendSideBandwidthEstimator();
    long[] arrivals = new long[20];
    java.util.Arrays.fill(arrivals, TransportLayerCc.NOT_RECEIVED);
    e.onFeedback(TransportLayerCc.fromArrivals(1, 2, 0, 500, withOne(arrivals)), 1_000_000);
    assertThat(e.estimateBps()).isEqualTo(SendSideBandwidthEstimator.INITIAL_BPS);
  }

  private static long[] withOne(long[] arrivals) {
    arrivals[0] = 10_000;
    return arrivals;
  }
}
