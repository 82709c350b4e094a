package dev.podium.media.rtcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RtcpCompoundTest {
  /** Heap buffers without leak tracking: tests drop their buffers to the garbage collector. */
  private static final UnpooledByteBufAllocator HEAP = new UnpooledByteBufAllocator(false, true);

  static ByteBuf hex(String hex) {
    return Unpooled.wrappedBuffer(HexFormat.of().parseHex(hex.replace(" ", "")));
  }

  /** Parses a datagram expected to hold exactly one well-formed packet. */
  static RtcpPacket only(ByteBuf datagram) {
    RtcpParseResult result = RtcpCompound.parse(datagram);
    assertThat(result.error()).isEqualTo(RtcpParseError.NONE);
    assertThat(result.packets()).hasSize(1);
    return result.packets().get(0);
  }

  private static final String SR =
      "81c8000c" // V=2 RC=1 PT=200 length 12
          + "00000001" // sender SSRC
          + "e0000000 80000000" // NTP timestamp
          + "00001000 00000005 00000640" // RTP timestamp, packets, octets
          + "00000002 05fffffe 00010010 00000078 aabbccdd 00010000"; // one report block

  private static final String SDES =
      "81ca0006 12345678 0110 75736572406578616d706c652e636f6d 0000"; // CNAME user@example.com

  @Test
  void decodesSenderReportLaidOutByHand() {
    SenderReport sr = (SenderReport) only(hex(SR));
    assertThat(sr.senderSsrc()).isEqualTo(1);
    assertThat(sr.ntpTimestamp()).isEqualTo(0xE0000000_80000000L);
    assertThat(sr.rtpTimestamp()).isEqualTo(0x1000);
    assertThat(sr.packetCount()).isEqualTo(5);
    assertThat(sr.octetCount()).isEqualTo(1600);
    assertThat(sr.reports())
        .containsExactly(new ReportBlock(2, 5, -2, 0x10010, 120, 0xAABBCCDDL, 0x10000));
  }

  @Test
  void decodesSourceDescriptionAndByeLaidOutByHand() {
    SourceDescription sdes = (SourceDescription) only(hex(SDES));
    assertThat(sdes).isEqualTo(SourceDescription.cname(0x12345678L, "user@example.com"));
    Bye bye = (Bye) only(hex("81cb0002 00000009 03627965"));
    assertThat(bye.ssrcs()).containsExactly(9L);
    assertThat(bye.reason()).contains("bye");
  }

  @Test
  void parsesCompoundAndWritesItBackByteForByte() {
    String app = "81cc0002 00000001 6e616d65"; // APP, kept as unknown
    String xr = "80cf0002 00000001 00000000"; // XR with an empty block list
    String pli = "81ce0002 00000001 00000002";
    ByteBuf datagram = hex(SR + SDES + app + xr + pli);
    RtcpParseResult result = RtcpCompound.parse(datagram);
    assertThat(result.isOk()).isTrue();
    assertThat(result.packets())
        .hasExactlyElementsOfTypes(
            SenderReport.class,
            SourceDescription.class,
            UnknownRtcpPacket.class,
            UnknownRtcpPacket.class,
            PictureLossIndication.class);
    assertThat(((UnknownRtcpPacket) result.packets().get(2)).packetType()).isEqualTo(204);
    ByteBuf written = RtcpCompound.write(result.packets(), HEAP);
    assertThat(ByteBufUtil.hexDump(written)).isEqualTo(ByteBufUtil.hexDump(datagram));
    assertThat(datagram.readerIndex()).isZero();
  }

  @Test
  void stripsPaddingAnnouncedByThePBit() {
    // RR without blocks, padded with 4 bytes whose last one is the count.
    ReceiverReport rr = (ReceiverReport) only(hex("a0c90002 00000007 00000004"));
    assertThat(rr).isEqualTo(new ReceiverReport(7, List.of()));
  }

  @Test
  void stopsAtALengthFieldBeyondTheBufferKeepingEarlierPackets() {
    RtcpParseResult result = RtcpCompound.parse(hex(SDES + "81ce0009 00000001 00000002"));
    assertThat(result.error()).isEqualTo(RtcpParseError.LENGTH_BEYOND_BUFFER);
    assertThat(result.packets()).hasSize(1).first().isInstanceOf(SourceDescription.class);
  }

  @Test
  void reportsEachFramingError() {
    assertThat(RtcpCompound.parse(Unpooled.EMPTY_BUFFER).error()).isEqualTo(RtcpParseError.EMPTY);
    assertThat(RtcpCompound.parse(hex(SDES + "81ce00")).error())
        .isEqualTo(RtcpParseError.TRUNCATED_HEADER);
    assertThat(RtcpCompound.parse(hex("41ce0002 00000001 00000002")).error())
        .isEqualTo(RtcpParseError.BAD_VERSION);
    assertThat(RtcpCompound.parse(hex("a1ce0002 00000001 00000000")).error())
        .isEqualTo(RtcpParseError.BAD_PADDING);
    assertThat(RtcpCompound.parse(hex("a1ce0002 00000001 00000009")).error())
        .isEqualTo(RtcpParseError.BAD_PADDING);
  }

  @Test
  void skipsAMalformedBodyAndGoesOnToTheNextPacket() {
    // SR claiming two report blocks but holding one; then a well-formed PLI.
    String truncatedSr = SR.replaceFirst("81c8", "82c8");
    RtcpParseResult result = RtcpCompound.parse(hex(truncatedSr + "81ce0002 00000001 00000002"));
    assertThat(result.error()).isEqualTo(RtcpParseError.MALFORMED_PACKET);
    assertThat(result.packets()).containsExactly(new PictureLossIndication(1, 2));
  }

  @Test
  void rejectsSdesChunksAndByeReasonsThatOverrun() {
    // SDES item claims 32 bytes of text in a 4-byte remainder.
    assertThat(RtcpCompound.parse(hex("81ca0002 00000001 01206162")).error())
        .isEqualTo(RtcpParseError.MALFORMED_PACKET);
    // SDES with two chunks announced but one present.
    assertThat(RtcpCompound.parse(hex("82ca0002 00000001 00000000")).error())
        .isEqualTo(RtcpParseError.MALFORMED_PACKET);
    // BYE reason of 9 bytes in a 4-byte remainder.
    assertThat(RtcpCompound.parse(hex("81cb0002 00000001 09616263")).error())
        .isEqualTo(RtcpParseError.MALFORMED_PACKET);
    // BYE announcing 3 SSRCs with room for 1.
    assertThat(RtcpCompound.parse(hex("83cb0001 00000001")).error())
        .isEqualTo(RtcpParseError.MALFORMED_PACKET);
  }

  @Test
  void writesAnEmptyCompoundAsAnEmptyBuffer() {
    assertThat(RtcpCompound.write(List.of(), HEAP).readableBytes()).isZero();
    assertThat(new Bye(List.of(), Optional.empty()).length()).isEqualTo(4);
  }
}
