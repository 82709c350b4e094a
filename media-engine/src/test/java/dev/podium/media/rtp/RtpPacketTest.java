package dev.podium.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class RtpPacketTest {

  static ByteBuf hex(String hex) {
    return Unpooled.wrappedBuffer(HexFormat.of().parseHex(hex.replace(" ", "")));
  }

  private static String valueHex(RtpPacket packet, long slot) {
    return ByteBufUtil.hexDump(
        packet.buffer(), RtpPacket.extensionIndex(slot), RtpPacket.extensionLength(slot));
  }

  @Test
  void readsFixedHeaderFields() {
    RtpPacket packet = RtpPacket.wrap(hex("80e01234 00000064 deadbeef 010203"));
    assertThat(packet).isNotNull();
    assertThat(packet.version()).isEqualTo(2);
    assertThat(packet.hasPadding()).isFalse();
    assertThat(packet.hasExtension()).isFalse();
    assertThat(packet.csrcCount()).isZero();
    assertThat(packet.marker()).isTrue();
    assertThat(packet.payloadType()).isEqualTo(96);
    assertThat(packet.sequenceNumber()).isEqualTo(0x1234);
    assertThat(packet.timestamp()).isEqualTo(100);
    assertThat(packet.ssrc()).isEqualTo(0xDEADBEEFL);
    assertThat(packet.headerLength()).isEqualTo(12);
    assertThat(packet.payloadOffset()).isEqualTo(12);
    assertThat(packet.payloadLength()).isEqualTo(3);
    assertThat(packet.paddingLength()).isZero();
    assertThat(ByteBufUtil.hexDump(packet.payload())).isEqualTo("010203");
  }

  @Test
  void readsCsrcsAndExcludesPaddingFromPayload() {
    // V=2 P=1 CC=2, two CSRCs, payload aabb, 3 padding bytes ending with the count 03.
    RtpPacket packet =
        RtpPacket.wrap(hex("a2080001 ffffffff 00000002 11111111 22222222 aabb 000003"));
    assertThat(packet).isNotNull();
    assertThat(packet.csrcCount()).isEqualTo(2);
    assertThat(packet.csrc(0)).isEqualTo(0x11111111L);
    assertThat(packet.csrc(1)).isEqualTo(0x22222222L);
    assertThat(packet.timestamp()).isEqualTo(0xFFFFFFFFL);
    assertThat(packet.headerLength()).isEqualTo(20);
    assertThat(packet.paddingLength()).isEqualTo(3);
    assertThat(packet.payloadLength()).isEqualTo(2);
    assertThat(ByteBufUtil.hexDump(packet.payload())).isEqualTo("aabb");
  }

  @Test
  void findsOneByteExtensionsSkippingPaddingBytes() {
    // 0xBEDE, 2 words: [id1 L=0: aa] [pad] [id2 L=2: 010203] [pad]
    RtpPacket packet =
        RtpPacket.wrap(hex("90600001 00000000 00000001 bede0002 10aa0022 01020300 ff"));
    assertThat(packet).isNotNull();
    assertThat(packet.extensionProfile()).isEqualTo(0xBEDE);
    assertThat(packet.headerLength()).isEqualTo(24);
    assertThat(packet.payloadLength()).isEqualTo(1);
    long one = packet.findExtension(1);
    assertThat(RtpPacket.extensionIndex(one)).isEqualTo(17);
    assertThat(RtpPacket.extensionLength(one)).isEqualTo(1);
    assertThat(valueHex(packet, one)).isEqualTo("aa");
    assertThat(valueHex(packet, packet.findExtension(2))).isEqualTo("010203");
    assertThat(packet.findExtension(3)).isEqualTo(RtpPacket.NOT_FOUND);
    assertThat(packet.findExtension(0)).isEqualTo(RtpPacket.NOT_FOUND);
    assertThat(packet.findExtension(15)).isEqualTo(RtpPacket.NOT_FOUND);
  }

  @Test
  void findsTwoByteExtensionsWithLargeIdsAndEmptyValues() {
    // 0x1000, 2 words: [id1 len0] [id16 len2: bbcc] [pad pad]
    RtpPacket packet = RtpPacket.wrap(hex("90600001 00000000 00000001 10000002 01001002 bbcc0000"));
    assertThat(packet).isNotNull();
    long empty = packet.findExtension(1);
    assertThat(empty).isNotEqualTo(RtpPacket.NOT_FOUND);
    assertThat(RtpPacket.extensionLength(empty)).isZero();
    assertThat(valueHex(packet, packet.findExtension(16))).isEqualTo("bbcc");
    assertThat(packet.payloadLength()).isZero();

    List<String> seen = new ArrayList<>();
    packet.forEachExtension((id, buf, index, length) -> seen.add(id + ":" + length));
    assertThat(seen).containsExactly("1:0", "16:2");
  }

  @Test
  void stopsAtReservedOneByteIdAndAtElementsRunningPastTheBlock() {
    // [id1: aa] [id15 ...] [id2: bb] -> id2 is never reached.
    RtpPacket reserved =
        RtpPacket.wrap(hex("90600001 00000000 00000001 bede0002 10aaf000 20bb0000"));
    assertThat(reserved.findExtension(1)).isNotEqualTo(RtpPacket.NOT_FOUND);
    assertThat(reserved.findExtension(2)).isEqualTo(RtpPacket.NOT_FOUND);
    // [id1: aa] then id3 claims 4 bytes where 2 are left in the block; the payload follows.
    RtpPacket overrun = RtpPacket.wrap(hex("90600001 00000000 00000001 bede0001 10aa33bb ccdd"));
    assertThat(overrun).isNotNull();
    assertThat(overrun.findExtension(1)).isNotEqualTo(RtpPacket.NOT_FOUND);
    assertThat(overrun.findExtension(3)).isEqualTo(RtpPacket.NOT_FOUND);
    // Unknown profile: no elements at all.
    RtpPacket other = RtpPacket.wrap(hex("90600001 00000000 00000001 abcd0001 10aa0000"));
    assertThat(other.findExtension(1)).isEqualTo(RtpPacket.NOT_FOUND);
  }

  @Test
  void rejectsMalformedPackets() {
    assertThat(RtpPacket.wrap(hex("80600001 00000000 000000"))).as("short").isNull();
    assertThat(RtpPacket.wrap(hex("40600001 00000000 00000001"))).as("version 1").isNull();
    assertThat(RtpPacket.wrap(hex("81600001 00000000 00000001"))).as("CSRC missing").isNull();
    assertThat(RtpPacket.wrap(hex("90600001 00000000 00000001 bede"))).as("ext hdr").isNull();
    assertThat(RtpPacket.wrap(hex("90600001 00000000 00000001 bede0002 10aa0000")))
        .as("extension longer than packet")
        .isNull();
    assertThat(RtpPacket.wrap(hex("a0600001 00000000 00000001 aa00"))).as("padding 0").isNull();
    assertThat(RtpPacket.wrap(hex("a0600001 00000000 00000001 aa03")))
        .as("padding > rest")
        .isNull();
    assertThat(RtpPacket.wrap(hex("a0600001 00000000 00000001 aa02"))).as("padding ok").isNotNull();
  }

  @Test
  void settersWriteInPlaceAndLeaveOtherBitsAlone() {
    ByteBuf buf = hex("b1600001 00000000 00000001 cafebabe bede0001 10aa0000 99 01");
    RtpPacket packet = RtpPacket.wrap(buf);
    packet.setMarker(true);
    packet.setPayloadType(111);
    packet.setSequenceNumber(0xFFFF);
    packet.setTimestamp(0xFFFFFFFEL);
    packet.setSsrc(0x80000001L);

    RtpPacket reread = RtpPacket.wrap(buf);
    assertThat(reread.marker()).isTrue();
    assertThat(reread.payloadType()).isEqualTo(111);
    assertThat(reread.sequenceNumber()).isEqualTo(0xFFFF);
    assertThat(reread.timestamp()).isEqualTo(0xFFFFFFFEL);
    assertThat(reread.ssrc()).isEqualTo(0x80000001L);
    assertThat(reread.csrc(0)).isEqualTo(0xCAFEBABEL);
    assertThat(reread.hasPadding()).isTrue();
    assertThat(reread.hasExtension()).isTrue();
    assertThat(ByteBufUtil.hexDump(reread.payload())).isEqualTo("99");

    packet.setMarker(false);
    packet.setPayloadType(0x7F);
    assertThat(reread.marker()).isFalse();
    assertThat(reread.payloadType()).isEqualTo(127);
  }

  @Test
  void overwritesExtensionValuesOfTheSameLengthInPlace() {
    ByteBuf buf = hex("90600001 00000000 00000001 bede0002 31234522 01020300");
    RtpPacket packet = RtpPacket.wrap(buf);
    assertThat(packet.setExtensionValue(3, 0xBEEF)).isTrue();
    assertThat(valueHex(packet, packet.findExtension(3))).isEqualTo("beef");
    assertThat(packet.setExtensionValue(2, 0xFFABCDEFL)).isTrue();
    assertThat(valueHex(packet, packet.findExtension(2))).isEqualTo("abcdef");
    assertThat(packet.setExtensionBytes(2, new byte[] {9, 8, 7})).isTrue();
    assertThat(valueHex(packet, packet.findExtension(2))).isEqualTo("090807");
    assertThat(packet.setExtensionBytes(2, new byte[] {1, 2})).isFalse();
    assertThat(packet.setExtensionValue(5, 1)).isFalse();
    assertThat(ByteBufUtil.hexDump(buf))
        .isEqualTo("906000010000000000000001bede000231beef2209080700");
  }

  @Test
  void reusableViewHonoursReaderIndexAndResets() {
    ByteBuf buf = hex("ffff 80600007 00000000 00000001 10 20");
    buf.readerIndex(2);
    RtpPacket packet = new RtpPacket();
    assertThat(packet.reset(buf)).isTrue();
    assertThat(packet.offset()).isEqualTo(2);
    assertThat(packet.sequenceNumber()).isEqualTo(7);
    assertThat(packet.payloadOffset()).isEqualTo(14);
    assertThat(buf.readerIndex()).isEqualTo(2);
    assertThat(packet.reset(hex("00"))).isFalse();
    assertThat(packet.buffer()).isNull();
    assertThat(packet.findExtension(1)).isEqualTo(RtpPacket.NOT_FOUND);
  }
}
