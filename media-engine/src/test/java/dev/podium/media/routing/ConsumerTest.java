package dev.podium.media.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.media.rtcp.PictureLossIndication;
import dev.podium.media.rtcp.RtcpCompound;
import dev.podium.media.rtp.RtpPacket;
import dev.podium.media.video.VideoCodec;
import dev.podium.media.video.Vp8PayloadDescriptor;
import dev.podium.media.video.Vp8TestPackets;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConsumerTest {
  private static final long LOW_SSRC = 1111;
  private static final long HIGH_SSRC = 2222;

  private final AtomicLong clock = new AtomicLong(10_000);
  private final Router router = new Router("r", clock::get);
  private final RecordingSink publisher = new RecordingSink();
  private final RecordingSink subscriber = new RecordingSink();
  private final Producer producer =
      router.createProducer(MediaKind.VIDEO, "pub", "0", List.of("0", "1"), publisher);
  private final List<Integer> layerEvents = new ArrayList<>();

  private int lowSeq = 100;
  private int highSeq = 50_000;
  private int lowPid = 300;
  private int highPid = 9_000;

  ConsumerTest() {
    producer.setCodec(VideoCodec.VP8);
    producer.setLayerSsrc(0, LOW_SSRC);
    producer.setLayerSsrc(1, HIGH_SSRC);
  }

  private Consumer consumer() {
    Consumer c = router.createConsumer("sub/0", producer, subscriber, 4242, 100, 1, () -> {});
    c.setListener(
        new ConsumerListener() {
          @Override
          public void onConsumerLayerChanged(Consumer consumer, int layer) {
            layerEvents.add(layer);
          }
        });
    return c;
  }

  /** One frame of one layer in {@code packets} packets; timestamps tick 3000 per frame. */
  private void frame(int layer, boolean key, int packets) {
    boolean low = layer == 0;
    int pid = low ? lowPid++ : highPid++;
    long ts = (low ? 1_000_000L : 7_000_000L) + 3000L * pid;
    for (int i = 0; i < packets; i++) {
      int seq = low ? lowSeq++ : highSeq++;
      ByteBuf b =
          Vp8TestPackets.packet(
              low ? LOW_SSRC : HIGH_SSRC,
              seq,
              ts,
              pid,
              pid & 0xFF,
              key && i == 0,
              low ? 320 : 640,
              low ? 180 : 360,
              50);
      producer.onRtp(layer, RtpPacket.wrap(b));
    }
    clock.addAndGet(33);
  }

  private static RtpPacket out(ByteBuf b) {
    return RtpPacket.wrap(b);
  }

  private static int pictureId(RtpPacket p) {
    Vp8PayloadDescriptor d = new Vp8PayloadDescriptor();
    d.parse(p.buffer(), p.payloadOffset(), p.payloadLength());
    return d.pictureId();
  }

  private static int tl0(RtpPacket p) {
    Vp8PayloadDescriptor d = new Vp8PayloadDescriptor();
    d.parse(p.buffer(), p.payloadOffset(), p.payloadLength());
    return d.tl0PicIdx();
  }

  private int plisFor(long ssrc) {
    int n = 0;
    for (ByteBuf b : publisher.rtcp) {
      for (var p : RtcpCompound.parse(b).packets()) {
        if (p instanceof PictureLossIndication pli && pli.mediaSsrc() == ssrc) {
          n++;
        }
      }
    }
    return n;
  }

  @Test
  void forwardsTheLowLayerWhenThePublisherDoesNotSendTheHighOne() {
    Consumer c = consumer();
    frame(0, true, 3);
    frame(0, false, 2);
    assertThat(subscriber.rtp).hasSize(5);
    assertThat(c.currentLayer()).isZero();
    assertThat(layerEvents).containsExactly(0);
  }

  @Test
  void waitsForAKeyFrameBeforeStarting() {
    consumer();
    frame(0, false, 3);
    assertThat(subscriber.rtp).isEmpty();
    assertThat(plisFor(LOW_SSRC)).as("asked the publisher for a keyframe").isPositive();
    frame(0, true, 1);
    assertThat(subscriber.rtp).hasSize(1);
  }

  @Test
  void switchesUpOnlyAtAKeyFrameAndKeepsOneContinuousStream() {
    Consumer c = consumer();
    frame(0, true, 2);
    frame(0, false, 2);
    // The high layer starts flowing: the consumer wants it but must wait for its keyframe.
    clock.addAndGet(Consumer.SELECT_INTERVAL_MILLIS);
    frame(1, false, 2);
    frame(0, false, 2);
    clock.addAndGet(Producer.KEY_FRAME_REQUEST_INTERVAL_MILLIS);
    frame(1, false, 2);
    assertThat(c.targetLayer()).isEqualTo(1);
    assertThat(c.currentLayer()).isZero();
    assertThat(plisFor(HIGH_SSRC)).isPositive();
    int beforeSwitch = subscriber.rtp.size();
    assertThat(beforeSwitch).isEqualTo(6);

    frame(1, true, 3);
    frame(0, false, 2); // old layer no longer forwarded
    frame(1, false, 2);
    assertThat(c.currentLayer()).isEqualTo(1);
    assertThat(layerEvents).containsExactly(0, 1);
    assertThat(subscriber.rtp).hasSize(beforeSwitch + 5);

    List<RtpPacket> sent = subscriber.rtp.stream().map(ConsumerTest::out).toList();
    for (int i = 1; i < sent.size(); i++) {
      RtpPacket a = sent.get(i - 1);
      RtpPacket b = sent.get(i);
      assertThat(b.ssrc()).isEqualTo(4242);
      assertThat(b.payloadType()).isEqualTo(100);
      assertThat(b.sequenceNumber()).isEqualTo((a.sequenceNumber() + 1) & 0xFFFF);
      assertThat((b.timestamp() - a.timestamp()) & 0xFFFF_FFFFL).isLessThan(1L << 31);
      int pidStep = (pictureId(b) - pictureId(a)) & 0x7FFF;
      assertThat(pidStep).isBetween(0, 1);
      assertThat((tl0(b) - tl0(a)) & 0xFF).isEqualTo(pidStep);
    }
    RtpPacket last = sent.get(beforeSwitch - 1);
    RtpPacket first = sent.get(beforeSwitch);
    assertThat(first.timestamp())
        .as("timestamp moves on at the switch")
        .isGreaterThan(last.timestamp());
    assertThat(pictureId(first)).isEqualTo((pictureId(last) + 1) & 0x7FFF);
  }

  @Test
  void smallTileGetsTheSmallestLayerThatCoversIt() {
    Consumer c = consumer();
    c.setPreferences(1, 320, 180);
    frame(0, true, 1);
    frame(1, true, 1);
    clock.addAndGet(Consumer.SELECT_INTERVAL_MILLIS);
    frame(0, true, 1);
    frame(1, false, 1);
    assertThat(c.preferredLayer()).isZero();
    assertThat(c.currentLayer()).isZero();
    c.setPreferences(1, 640, 360);
    frame(0, false, 1);
    frame(1, true, 1);
    assertThat(c.currentLayer()).isEqualTo(1);
  }

  @Test
  void answersNacksWithRtxCarryingTheOriginalSequenceNumber() {
    Consumer c = consumer();
    c.enableRtx(5555, 101);
    frame(0, true, 3);
    RtpPacket original = out(subscriber.rtp.get(1));
    int seq = original.sequenceNumber();
    assertThat(c.onNack(List.of(seq, (seq + 1000) & 0xFFFF))).isEqualTo(1);
    RtpPacket rtx = out(subscriber.rtp.get(3));
    assertThat(rtx.ssrc()).isEqualTo(5555);
    assertThat(rtx.payloadType()).isEqualTo(101);
    assertThat(rtx.buffer().getUnsignedShort(rtx.payloadOffset())).isEqualTo(seq);
    assertThat(rtx.timestamp()).isEqualTo(original.timestamp());
    assertThat(rtx.payload().slice(2, rtx.payloadLength() - 2)).isEqualTo(original.payload());
    assertThat(c.onNack(List.of(seq))).as("not twice within the resend interval").isZero();
  }

  @Test
  void withoutRtxResendsThePacketPlainly() {
    Consumer c = consumer();
    frame(0, true, 2);
    RtpPacket original = out(subscriber.rtp.get(0));
    clock.addAndGet(20);
    assertThat(c.onNack(List.of(original.sequenceNumber()))).isEqualTo(1);
    RtpPacket resent = out(subscriber.rtp.get(2));
    assertThat(resent.ssrc()).isEqualTo(4242);
    assertThat(resent.sequenceNumber()).isEqualTo(original.sequenceNumber());
    assertThat(resent.payload()).isEqualTo(original.payload());
  }

  @Test
  void writesATransportCcElementWhenNegotiated() {
    subscriber.transportCcId = 3;
    consumer();
    frame(0, true, 1);
    RtpPacket p = out(subscriber.rtp.get(0));
    assertThat(p.findExtension(3)).isNotEqualTo(RtpPacket.NOT_FOUND);
    assertThat(RtpPacket.extensionLength(p.findExtension(3))).isEqualTo(2);
    assertThat(p.payloadLength()).isEqualTo(5 + 1 + 9 + 50);
  }
}
