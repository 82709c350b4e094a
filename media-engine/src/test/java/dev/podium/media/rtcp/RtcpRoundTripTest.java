package dev.podium.media.rtcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RtcpRoundTripTest {
  /** Heap buffers without leak tracking: tests drop their buffers to the garbage collector. */
  private static final UnpooledByteBufAllocator HEAP = new UnpooledByteBufAllocator(false, true);

  static final ReportBlock BLOCK =
      new ReportBlock(0xFFFFFFFEL, 25, -3, 0x0001_0010L, 120, 0xAABBCCDDL, 0x00010000L);

  static Stream<RtcpPacket> samples() {
    return Stream.of(
        new SenderReport(
            0x11223344L, 0xE000_0000_8000_0000L, 0xFFFFFFFFL, 42, 0x80000000L, List.of()),
        new SenderReport(1, 2, 3, 4, 5, List.of(BLOCK, new ReportBlock(7, 0, 0, 0, 0, 0, 0))),
        new ReceiverReport(0x9000_0001L, List.of()),
        new ReceiverReport(5, List.of(BLOCK)),
        SourceDescription.cname(0xCAFEL, "podium@example"),
        new SourceDescription(
            List.of(
                new SourceDescription.Chunk(
                    1,
                    List.of(
                        new SourceDescription.Item(SourceDescription.CNAME, "abc"),
                        new SourceDescription.Item(SourceDescription.TOOL, "Podium ✓"))),
                new SourceDescription.Chunk(2, List.of()))),
        new SourceDescription(List.of()),
        Bye.of(0xDEADBEEFL),
        new Bye(List.of(1L, 2L, 3L), Optional.of("shutting down")),
        new Bye(List.of(), Optional.of("")),
        new PictureLossIndication(1, 0xFFFFFFFFL),
        FullIntraRequest.of(1, 0xABCDEF01L, 255),
        new FullIntraRequest(
            9, 0, List.of(new FullIntraRequest.Entry(3, 1), new FullIntraRequest.Entry(4, 2))),
        new GenericNack(1, 2, List.of(100, 101, 103)),
        new GenericNack(1, 2, List.of(65530, 65535, 0, 9, 10, 200, 300)),
        new ReceiverEstimatedMaxBitrate(1, 600_000, List.of(0x1234L, 0x5678L)),
        new ReceiverEstimatedMaxBitrate(1, 5_000_000_000L, List.of()),
        TransportLayerCc.fromArrivals(
            1, 2, 7, 65530, new long[] {1_000_000, -1, 1_000_250, 1_070_000, 990_000, -1, -1}),
        TransportLayerCc.fromArrivals(1, 2, 0, 0, new long[0]),
        new UnknownRtcpPacket(
            new byte[] {(byte) 0x81, (byte) 204, 0, 2, 0, 0, 0, 1, 'n', 'a', 'm', 'e'}));
  }

  @ParameterizedTest
  @MethodSource("samples")
  void survivesWriteThenParse(RtcpPacket packet) {
    ByteBuf out = Unpooled.buffer();
    packet.writeTo(out);
    assertThat(out.readableBytes()).isEqualTo(packet.length());
    assertThat(packet.length() % 4).isZero();

    RtcpParseResult result = RtcpCompound.parse(out);
    assertThat(result.error()).isEqualTo(RtcpParseError.NONE);
    assertThat(result.packets()).containsExactly(packet);
  }

  @ParameterizedTest
  @MethodSource("samples")
  void survivesInsideACompoundBetweenOtherPackets(RtcpPacket packet) {
    List<RtcpPacket> compound =
        List.of(new ReceiverReport(77, List.of(BLOCK)), packet, SourceDescription.cname(77, "x"));
    ByteBuf out = RtcpCompound.write(compound, HEAP);
    RtcpParseResult result = RtcpCompound.parse(out);
    assertThat(result.isOk()).isTrue();
    assertThat(result.packets()).isEqualTo(compound);
  }
}
