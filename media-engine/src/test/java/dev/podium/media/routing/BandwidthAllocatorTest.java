package dev.podium.media.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.media.rtp.RtpPacket;
import dev.podium.media.video.VideoCodec;
import dev.podium.media.video.Vp8TestPackets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BandwidthAllocatorTest {
  private final AtomicLong clock = new AtomicLong(0);
  private final Router router = new Router("r", clock::get);
  private final List<Producer> producers = new ArrayList<>();
  private final List<Consumer> consumers = new ArrayList<>();
  private final List<String> pauses = new ArrayList<>();

  BandwidthAllocatorTest() {
    RecordingSink subscriber = new RecordingSink();
    for (int i = 0; i < 3; i++) {
      Producer p =
          router.createProducer(
              MediaKind.VIDEO, "pub" + i, "0", List.of("0", "1"), new RecordingSink());
      p.setCodec(VideoCodec.VP8);
      producers.add(p);
      Consumer c = router.createConsumer("sub/" + i, p, subscriber, 100 + i, 96, 1, () -> {});
      c.setPreferences(i + 1, 0, 0); // priorities 1, 2, 3
      c.setListener(
          new ConsumerListener() {
            @Override
            public void onConsumerPausedByBandwidth(Consumer consumer, boolean paused) {
              pauses.add(consumer.id() + "=" + paused);
            }
          });
      consumers.add(c);
    }
    // One second of traffic: layer 0 ~160 kbps (200-byte packets), layer 1 ~640 kbps (800 bytes),
    // 100 packets per second each.
    int seq = 0;
    for (int t = 0; t <= 1_000; t += 10, seq++) {
      clock.set(t);
      for (Producer p : producers) {
        p.onRtp(0, RtpPacket.wrap(Vp8TestPackets.packet(1, seq, t, seq, 0, false, 0, 0, 200 - 17)));
        p.onRtp(1, RtpPacket.wrap(Vp8TestPackets.packet(2, seq, t, seq, 0, false, 0, 0, 800 - 17)));
      }
    }
  }

  private String layers() {
    StringBuilder s = new StringBuilder();
    for (Consumer c : consumers) {
      s.append(
          c.isPaused()
              ? "-"
              : c.isPausedByBandwidth() ? "P" : Integer.toString(c.allocatedLayer()));
    }
    return s.toString();
  }

  @Test
  void measuresLayerRates() {
    assertThat(producers.get(0).layerBitrate(0, clock.get())).isBetween(140_000L, 180_000L);
    assertThat(producers.get(0).layerBitrate(1, clock.get())).isBetween(600_000L, 680_000L);
  }

  @Test
  void plentyOfBandwidthGivesEveryoneTheTopLayer() {
    BandwidthAllocator.allocate(consumers, 10_000_000, clock.get());
    assertThat(layers()).isEqualTo("111");
  }

  @Test
  void lowerPrioritiesDropToTheLowLayerFirst() {
    BandwidthAllocator.allocate(consumers, 1_200_000, clock.get());
    assertThat(layers()).isEqualTo("100");
  }

  @Test
  void thenLowerPrioritiesPauseWhileTheTopOneKeepsALayer() {
    BandwidthAllocator.allocate(consumers, 400_000, clock.get());
    assertThat(layers()).isEqualTo("00P");
    assertThat(pauses).containsExactly("sub/2=true");
    BandwidthAllocator.allocate(consumers, 100_000, clock.get());
    assertThat(layers()).as("the most important source is never paused").isEqualTo("0PP");
    BandwidthAllocator.allocate(consumers, 10_000_000, clock.get());
    assertThat(layers()).isEqualTo("111");
    assertThat(pauses).containsExactly("sub/2=true", "sub/1=true", "sub/1=false", "sub/2=false");
  }

  @Test
  void clientPausedConsumersCostNothing() {
    consumers.get(0).setPaused(true);
    BandwidthAllocator.allocate(consumers, 1_200_000, clock.get());
    assertThat(layers()).isEqualTo("-10");
  }
}
