package dev.podium.media.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.media.rtcp.Bye;
import dev.podium.media.rtcp.FullIntraRequest;
import dev.podium.media.rtcp.GenericNack;
import dev.podium.media.rtcp.PictureLossIndication;
import dev.podium.media.rtcp.ReceiverEstimatedMaxBitrate;
import dev.podium.media.rtcp.ReceiverReport;
import dev.podium.media.rtcp.ReportBlock;
import dev.podium.media.rtcp.RtcpCompound;
import dev.podium.media.rtcp.RtcpPacket;
import dev.podium.media.rtcp.RtcpParseResult;
import dev.podium.media.rtcp.SenderReport;
import dev.podium.media.rtcp.SourceDescription;
import dev.podium.media.rtcp.TransportLayerCc;
import dev.podium.media.rtp.RtpExtensionMap;
import dev.podium.media.rtp.RtpExtensionSet;
import dev.podium.media.rtp.RtpPacket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Throws random and mutated datagrams at every parser on the receive path: none may throw, and
 * whatever they accept must be internally consistent.
 */
class MalformedPacketFuzzTest {
  /**
   * Heap buffers without leak tracking for the seeds; the fuzz loop itself releases what it makes.
   */
  private static final UnpooledByteBufAllocator HEAP = new UnpooledByteBufAllocator(false, true);

  private static final int ROUNDS = 12_000;
  private static final RtpExtensionMap MAP =
      RtpExtensionMap.of(
          Map.of(
              RtpExtensionMap.MID, 1,
              RtpExtensionMap.RID, 2,
              RtpExtensionMap.ABS_SEND_TIME, 3,
              RtpExtensionMap.TRANSPORT_CC, 4,
              RtpExtensionMap.AUDIO_LEVEL, 5,
              RtpExtensionMap.REPAIRED_RID, 20));

  private final RtpPacket reusable = new RtpPacket();
  private final RtpExtensionSet set = new RtpExtensionSet();
  private int rtpAccepted;
  private int rtcpPacketsParsed;

  @Test
  void survivesRandomAndMutatedDatagrams() {
    Random random = new Random(20240611L);
    List<byte[]> seeds = seeds();
    for (int round = 0; round < ROUNDS; round++) {
      byte[] bytes =
          round % 3 == 0
              ? randomBytes(random)
              : mutate(seeds.get(random.nextInt(seeds.size())), random);
      ByteBuf datagram = Unpooled.wrappedBuffer(bytes);
      exercise(datagram);
      assertThat(datagram.readerIndex()).isZero();
      assertThat(datagram.writerIndex()).isEqualTo(bytes.length);
    }
    // The mutations must keep enough structure to reach deep into the parsers.
    assertThat(rtpAccepted).isGreaterThan(ROUNDS / 10);
    assertThat(rtcpPacketsParsed).isGreaterThan(ROUNDS / 10);
  }

  private void exercise(ByteBuf datagram) {
    PacketClassifier.classify(datagram);

    RtpPacket packet = RtpPacket.wrap(datagram);
    assertThat(reusable.reset(datagram)).isEqualTo(packet != null);
    if (packet != null) {
      rtpAccepted++;
      assertThat(packet.payloadLength()).isNotNegative();
      assertThat(packet.headerLength() + packet.payloadLength() + packet.paddingLength())
          .isEqualTo(datagram.readableBytes());
      for (int id = -1; id <= 256; id++) {
        long slot = packet.findExtension(id);
        if (slot != RtpPacket.NOT_FOUND) {
          int end = RtpPacket.extensionIndex(slot) + RtpPacket.extensionLength(slot);
          assertThat(end).isLessThanOrEqualTo(packet.payloadOffset());
        }
      }
      MAP.mid(packet);
      MAP.rid(packet);
      MAP.repairedRid(packet);
      MAP.absSendTime(packet);
      MAP.audioLevel(packet);
      MAP.transportSequenceNumber(packet);
      set.clear();
      set.addMapped(packet, MAP, MAP);
      ByteBuf rebuilt = set.rebuild(packet, UnpooledByteBufAllocator.DEFAULT);
      RtpPacket reparsed = RtpPacket.wrap(rebuilt);
      assertThat(reparsed).isNotNull();
      assertThat(ByteBufUtil.hexDump(reparsed.payload()))
          .isEqualTo(ByteBufUtil.hexDump(packet.payload()));
      rebuilt.release();
    }

    RtcpParseResult result = RtcpCompound.parse(datagram);
    rtcpPacketsParsed += result.packets().size();
    // Whatever parsed must write back to exactly its length and parse cleanly again.
    ByteBuf written = RtcpCompound.write(result.packets(), UnpooledByteBufAllocator.DEFAULT);
    int expected = result.packets().stream().mapToInt(RtcpPacket::length).sum();
    assertThat(written.readableBytes()).isEqualTo(expected);
    if (expected > 0) {
      RtcpParseResult again = RtcpCompound.parse(written);
      assertThat(again.isOk()).as("re-parse of %s", result.packets()).isTrue();
      assertThat(again.packets()).hasSameSizeAs(result.packets());
    }
    written.release();
  }

  private static byte[] randomBytes(Random random) {
    byte[] bytes = new byte[random.nextInt(200)];
    random.nextBytes(bytes);
    if (bytes.length > 0 && random.nextBoolean()) {
      bytes[0] = (byte) (0x80 | (bytes[0] & 0x3F)); // version 2, to get past the first check
    }
    return bytes;
  }

  private static byte[] mutate(byte[] seed, Random random) {
    byte[] bytes = seed.clone();
    switch (random.nextInt(4)) {
      case 0 -> {
        int flips = 1 + random.nextInt(4);
        for (int i = 0; i < flips; i++) {
          bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
        }
      }
      case 1 -> bytes = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
      case 2 -> bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
      default -> {
        // Corrupt a length-ish field: RTCP length, RTP extension length, or a count nibble.
        int at = random.nextInt(Math.min(bytes.length, 24));
        bytes[at] = (byte) (random.nextBoolean() ? 0xFF : random.nextInt(8));
      }
    }
    return bytes;
  }

  private static List<byte[]> seeds() {
    ByteBuf rtp =
        Unpooled.wrappedBuffer(
            ByteBufUtil.decodeHexDump(
                "b2e00064000010000000abcd1111111122222222bede00031061220102033100074068000102030405060708090003"));
    RtpPacket source = RtpPacket.wrap(rtp);
    RtpExtensionSet twoByte = new RtpExtensionSet();
    twoByte.add(20, new byte[] {'r', '0'});
    twoByte.add(4, new byte[] {1, 2});
    twoByte.add(3, new byte[0]);
    ByteBuf rtpTwoByte = twoByte.rebuild(source, HEAP);

    ReportBlock block = new ReportBlock(5, 1, 2, 3, 4, 5, 6);
    List<RtcpPacket> compound =
        List.of(
            new SenderReport(1, 2, 3, 4, 5, List.of(block)),
            new ReceiverReport(1, List.of(block, block)),
            SourceDescription.cname(1, "someone@podium"),
            new Bye(List.of(1L, 2L), Optional.of("bye")),
            new PictureLossIndication(1, 2),
            FullIntraRequest.of(1, 2, 3),
            new GenericNack(1, 2, List.of(1, 2, 5, 40)),
            new ReceiverEstimatedMaxBitrate(1, 1_000_000, List.of(2L)),
            TransportLayerCc.fromArrivals(
                1, 2, 3, 100, new long[] {1_000, -1, 2_000, 90_000, -1, 91_000, 50_000}));
    return List.of(
        ByteBufUtil.getBytes(rtp),
        ByteBufUtil.getBytes(rtpTwoByte),
        ByteBufUtil.getBytes(RtcpCompound.write(compound, HEAP)),
        ByteBufUtil.getBytes(RtcpCompound.write(compound.subList(6, 9), HEAP)));
  }
}
