package dev.podium.media.rtp;

import static dev.podium.media.rtp.RtpPacketTest.hex;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RtpExtensionSetTest {
  /** Heap buffers without leak tracking: tests drop their buffers to the garbage collector. */
  private static final UnpooledByteBufAllocator HEAP = new UnpooledByteBufAllocator(false, true);

  @Test
  void writesOneByteFormWithPaddingToAWordBoundary() {
    RtpPacket plain = RtpPacket.wrap(hex("80600001 00000002 00000003 aabb"));
    RtpExtensionSet set = new RtpExtensionSet();
    assertThat(set.add(1, new byte[] {0x11})).isTrue();
    assertThat(set.add(14, new byte[] {0x22, 0x33, 0x44})).isTrue();
    assertThat(set.fitsOneByteForm()).isTrue();
    assertThat(set.blockLength()).isEqualTo(12);
    ByteBuf out = set.rebuild(plain, HEAP);
    assertThat(ByteBufUtil.hexDump(out))
        .isEqualTo(
            "90600001" + "00000002" + "00000003" + "bede0002" + "1011e222" + "33440000" + "aabb");
    assertThat(out.writableBytes()).isGreaterThanOrEqualTo(RtpExtensionSet.SRTP_TAILROOM);
  }

  @Test
  void switchesToTwoByteFormForLargeIdsOrEmptyValues() {
    RtpPacket plain = RtpPacket.wrap(hex("80600001 00000002 00000003"));
    RtpExtensionSet set = new RtpExtensionSet();
    set.add(15, new byte[] {0x55});
    set.add(2, new byte[0]);
    assertThat(set.fitsOneByteForm()).isFalse();
    ByteBuf out = set.rebuild(plain, HEAP);
    assertThat(ByteBufUtil.hexDump(out))
        .isEqualTo("90600001" + "00000002" + "00000003" + "10000002" + "0f015502" + "00000000");
    RtpPacket reread = RtpPacket.wrap(out);
    assertThat(RtpPacket.extensionLength(reread.findExtension(2))).isZero();
    assertThat(reread.buffer().getByte(RtpPacket.extensionIndex(reread.findExtension(15))))
        .isEqualTo((byte) 0x55);
  }

  @Test
  void forwardsWithTheSubscribersIdsDroppingWhatItDidNotNegotiate() {
    RtpExtensionMap publisher =
        RtpExtensionMap.of(
            Map.of(
                RtpExtensionMap.MID, 1,
                RtpExtensionMap.ABS_SEND_TIME, 2,
                RtpExtensionMap.TRANSPORT_CC, 3,
                RtpExtensionMap.RID, 4));
    RtpExtensionMap subscriber =
        RtpExtensionMap.of(Map.of(RtpExtensionMap.MID, 9, RtpExtensionMap.TRANSPORT_CC, 5));
    // V=2 P=1 X=1 CC=1; [1: "a"] [2: 0x010203] [3: 0x0007] [4: "h"]; payload cc dd; 2 padding
    // bytes.
    RtpPacket source =
        RtpPacket.wrap(
            hex(
                "b1e00064 00001000 0000abcd 12345678 bede0003 1061220102033100 07406800 ccdd 0002"));
    assertThat(source).isNotNull();

    RtpExtensionSet set = new RtpExtensionSet();
    set.addMapped(source, publisher, subscriber);
    set.add(7, new byte[] {0x42}); // e.g. an extension the SFU adds itself
    RtpPacket forwarded = RtpPacket.wrap(set.rebuild(source, HEAP));

    assertThat(forwarded).isNotNull();
    assertThat(subscriber.mid(forwarded)).isEqualTo("a");
    assertThat(subscriber.transportSequenceNumber(forwarded)).isEqualTo(7);
    assertThat(forwarded.findExtension(1)).isEqualTo(RtpPacket.NOT_FOUND);
    assertThat(forwarded.findExtension(2)).isEqualTo(RtpPacket.NOT_FOUND);
    assertThat(forwarded.findExtension(4)).isEqualTo(RtpPacket.NOT_FOUND);
    assertThat(forwarded.findExtension(7)).isNotEqualTo(RtpPacket.NOT_FOUND);
    assertThat(forwarded.marker()).isTrue();
    assertThat(forwarded.sequenceNumber()).isEqualTo(100);
    assertThat(forwarded.timestamp()).isEqualTo(0x1000);
    assertThat(forwarded.ssrc()).isEqualTo(0xABCD);
    assertThat(forwarded.csrc(0)).isEqualTo(0x12345678L);
    assertThat(forwarded.paddingLength()).isEqualTo(2);
    assertThat(ByteBufUtil.hexDump(forwarded.payload())).isEqualTo("ccdd");
  }

  @Test
  void emptySetClearsTheExtensionBit() {
    RtpPacket source = RtpPacket.wrap(hex("90600001 00000002 00000003 bede0001 10aa0000 ee"));
    ByteBuf out = new RtpExtensionSet().rebuild(source, HEAP);
    assertThat(ByteBufUtil.hexDump(out)).isEqualTo("806000010000000200000003ee");
  }

  @Test
  void rejectsInvalidOrDuplicateIdsAndSupportsRemoveAndClear() {
    RtpExtensionSet set = new RtpExtensionSet();
    assertThat(set.add(0, new byte[] {1})).isFalse();
    assertThat(set.add(256, new byte[] {1})).isFalse();
    assertThat(set.add(3, new byte[256])).isFalse();
    assertThat(set.add(3, new byte[] {1})).isTrue();
    assertThat(set.add(3, new byte[] {2})).isFalse();
    for (int id = 4; id < 40; id++) {
      assertThat(set.add(id, new byte[100])).isTrue(); // grows the scratch arrays
    }
    assertThat(set.size()).isEqualTo(37);
    assertThat(set.remove(3)).isTrue();
    assertThat(set.remove(3)).isFalse();
    assertThat(set.contains(4)).isTrue();
    RtpPacket rebuilt =
        RtpPacket.wrap(set.rebuild(RtpPacket.wrap(hex("80600001 00000002 00000003")), HEAP));
    assertThat(RtpPacket.extensionLength(rebuilt.findExtension(39))).isEqualTo(100);
    set.clear();
    assertThat(set.size()).isZero();
    assertThat(set.blockLength()).isZero();
  }
}
