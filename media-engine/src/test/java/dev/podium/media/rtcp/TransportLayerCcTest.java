package dev.podium.media.rtcp;

import static dev.podium.media.rtcp.RtcpCompoundTest.hex;
import static dev.podium.media.rtcp.RtcpCompoundTest.only;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podium.media.rtcp.TransportLayerCc.PacketStatus;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TransportLayerCcTest {
  /**
   * Base seq 100, 10 statuses, reference time 16 (1.024 s), feedback count 5. Chunks: run-length
   * (small delta × 3) and a 2-bit vector [large, lost, small, small, lost, large, small]. Deltas:
   * 04 00 ff | ff38 | 08 01 | 0400 | 02, then 2 bytes of P-bit padding.
   */
  private static final String RUN_AND_TWO_BIT =
      "afcd0008 00000001 00000002 0064000a 00001005 2003e149 0400ffff 38080104 00020002";

  /** 14 statuses in a 1-bit vector [1,0,1,1,0,...,0,1], reference time -16, zero padding. */
  private static final String ONE_BIT =
      "8fcd0006 00000001 00000002 0000000e fffff000 ac010102 03040000";

  @Test
  void decodesRunLengthAndTwoBitChunksWithBothDeltaSizes() {
    TransportLayerCc fb = (TransportLayerCc) only(hex(RUN_AND_TWO_BIT));
    assertThat(fb.senderSsrc()).isEqualTo(1);
    assertThat(fb.mediaSsrc()).isEqualTo(2);
    assertThat(fb.baseSequence()).isEqualTo(100);
    assertThat(fb.referenceTime()).isEqualTo(16);
    assertThat(fb.referenceTimeMicros()).isEqualTo(1_024_000);
    assertThat(fb.feedbackPacketCount()).isEqualTo(5);
    assertThat(fb.packets())
        .containsExactly(
            new PacketStatus(100, true, 1_000),
            new PacketStatus(101, true, 0),
            new PacketStatus(102, true, 63_750),
            new PacketStatus(103, true, -50_000),
            PacketStatus.lost(104),
            new PacketStatus(105, true, 2_000),
            new PacketStatus(106, true, 250),
            PacketStatus.lost(107),
            new PacketStatus(108, true, 256_000),
            new PacketStatus(109, true, 500));
  }

  @Test
  void decodesOneBitVectorWithNegativeReferenceTimeAndZeroPadding() {
    TransportLayerCc fb = (TransportLayerCc) only(hex(ONE_BIT));
    assertThat(fb.referenceTime()).isEqualTo(-16);
    assertThat(fb.packets()).hasSize(14);
    assertThat(fb.packets().stream().filter(PacketStatus::received).map(PacketStatus::sequence))
        .containsExactly(0, 2, 3, 13);
    assertThat(fb.packets().get(13).deltaMicros()).isEqualTo(1_000);
  }

  @Test
  void writesLongLossRunsAsRunLengthChunks() {
    long[] arrivals = new long[102];
    Arrays.fill(arrivals, TransportLayerCc.NOT_RECEIVED);
    arrivals[0] = 640_000 + 1_000;
    arrivals[101] = 640_000 + 2_000;
    ByteBuf out = Unpooled.buffer();
    TransportLayerCc fb = TransportLayerCc.fromArrivals(1, 2, 3, 500, arrivals);
    fb.writeTo(out);
    // 1-bit vector [1, 0 x 13], run-length of 87 lost, 1-bit vector [1]; deltas 4 and 4 ticks.
    assertThat(ByteBufUtil.hexDump(out))
        .isEqualTo(
            "8fcd0006 00000001 00000002 01f40066 00000a03 a0000057 a0000404".replace(" ", ""));
    assertThat(RtcpCompound.parse(out).packets()).containsExactly(fb);
  }

  @Test
  void buildsFromArrivalTimesWithoutAccumulatingRounding() {
    long[] arrivals = {1_000_100, -1, 1_000_349, 1_070_000, 990_000, 990_001};
    TransportLayerCc fb = TransportLayerCc.fromArrivals(9, 8, 1, 65534, arrivals);
    assertThat(fb.referenceTimeMicros()).isEqualTo(960_000);
    assertThat(fb.packets().get(0).sequence()).isEqualTo(65534);
    assertThat(fb.packets().get(2).sequence()).isEqualTo(0);
    long clock = fb.referenceTimeMicros();
    for (int i = 0; i < arrivals.length; i++) {
      PacketStatus status = fb.packets().get(i);
      assertThat(status.received()).isEqualTo(arrivals[i] != TransportLayerCc.NOT_RECEIVED);
      if (status.received()) {
        clock += status.deltaMicros();
        assertThat(clock).isEqualTo(Math.floorDiv(arrivals[i], 250) * 250);
      }
    }
  }

  @Test
  void survivesRoundTripsOfRandomStatusMixes() {
    Random random = new Random(7);
    for (int round = 0; round < 200; round++) {
      long[] arrivals = new long[1 + random.nextInt(300)];
      long now = 5_000_000;
      for (int i = 0; i < arrivals.length; i++) {
        now += random.nextInt(3) == 0 ? random.nextInt(200_000) - 100_000 : random.nextInt(5_000);
        arrivals[i] = random.nextInt(4) == 0 ? TransportLayerCc.NOT_RECEIVED : now;
      }
      TransportLayerCc fb =
          TransportLayerCc.fromArrivals(1, 2, round, random.nextInt(65536), arrivals);
      ByteBuf out = Unpooled.buffer();
      fb.writeTo(out);
      assertThat(out.readableBytes()).isEqualTo(fb.length());
      assertThat(RtcpCompound.parse(out).packets()).containsExactly(fb);
    }
    long[] manyLost = new long[10_002];
    Arrays.fill(manyLost, TransportLayerCc.NOT_RECEIVED);
    manyLost[0] = 0;
    manyLost[10_001] = 1_000;
    TransportLayerCc fb = TransportLayerCc.fromArrivals(1, 2, 0, 0, manyLost);
    ByteBuf out = Unpooled.buffer();
    fb.writeTo(out);
    assertThat(RtcpCompound.parse(out).packets()).containsExactly(fb);
  }

  @Test
  void flagsTruncatedChunksDeltasAndReservedSymbols() {
    // Status count 10 but only one run-length chunk of 3.
    assertThat(
            RtcpCompound.parse(hex("8fcd0005 00000001 00000002 0064000a 00001005 20030000"))
                .error())
        .isEqualTo(RtcpParseError.MALFORMED_PACKET);
    // Three small deltas announced, one present.
    assertThat(
            RtcpCompound.parse(hex("8fcd0005 00000001 00000002 00640003 00001005 20030400"))
                .error())
        .isEqualTo(RtcpParseError.MALFORMED_PACKET);
    // Run-length chunk of the reserved symbol 11.
    assertThat(
            RtcpCompound.parse(hex("8fcd0005 00000001 00000002 00640001 00001005 60010000"))
                .error())
        .isEqualTo(RtcpParseError.MALFORMED_PACKET);
    // Shorter than the fixed part.
    assertThat(RtcpCompound.parse(hex("8fcd0003 00000001 00000002 00640001")).error())
        .isEqualTo(RtcpParseError.MALFORMED_PACKET);
  }

  @Test
  void refusesDeltasTheWireCannotCarry() {
    assertThatThrownBy(() -> new PacketStatus(1, true, 100))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PacketStatus(1, true, 32_768L * 250))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new TransportLayerCc(1, 2, 10, 0, 0, List.of(new PacketStatus(11, true, 0))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TransportLayerCc.fromArrivals(1, 2, 0, 0, new long[] {0, 9_000_000}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
