package dev.podium.media.rtcp;

import static dev.podium.media.rtcp.RtcpCompoundTest.hex;
import static dev.podium.media.rtcp.RtcpCompoundTest.only;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.List;
import org.junit.jupiter.api.Test;

class GenericNackTest {

  @Test
  void decodesPidAndBitmaskOfLostPackets() {
    // PT 205 FMT 1, length 3; sender 1, media 2; PID 100, BLP 0x0005 -> 100, 101, 103.
    GenericNack nack = (GenericNack) only(hex("81cd0003 00000001 00000002 00640005"));
    assertThat(nack.senderSsrc()).isEqualTo(1);
    assertThat(nack.mediaSsrc()).isEqualTo(2);
    assertThat(nack.lostSequenceNumbers()).containsExactly(100, 101, 103);
  }

  @Test
  void decodesSeveralFciEntriesAcrossTheWrap() {
    GenericNack nack = (GenericNack) only(hex("81cd0004 00000001 00000002 ffff8000 00070000"));
    assertThat(nack.lostSequenceNumbers()).containsExactly(65535, 15, 7);
  }

  @Test
  void foldsNearbyNumbersIntoOneEntryAndOpensNewEntriesBeyondSixteen() {
    ByteBuf out = Unpooled.buffer();
    new GenericNack(1, 2, List.of(100, 101, 103, 116, 117, 65535)).writeTo(out);
    // 100 + {101,103,116} = BLP bits 0,2,15 = 0x8005; then 117 alone; then 65535 alone
    // (it is older than 117, so it cannot join the 117 entry).
    assertThat(ByteBufUtil.hexDump(out))
        .isEqualTo("81cd0005" + "00000001" + "00000002" + "00648005" + "00750000" + "ffff0000");
  }

  @Test
  void encodesAcrossTheWrapInOneEntry() {
    ByteBuf out = Unpooled.buffer();
    new GenericNack(1, 2, List.of(65535, 0, 2)).writeTo(out);
    assertThat(ByteBufUtil.hexDump(out)).endsWith("ffff0005");
  }

  @Test
  void treatsMissingFciAsEmptyAndPartialFciAsAbsent() {
    GenericNack empty = (GenericNack) only(hex("81cd0002 00000001 00000002"));
    assertThat(empty.lostSequenceNumbers()).isEmpty();
    RtcpParseResult truncated = RtcpCompound.parse(hex("81cd0001 00000001"));
    assertThat(truncated.error()).isEqualTo(RtcpParseError.MALFORMED_PACKET);
    assertThat(truncated.packets()).isEmpty();
  }
}
