package dev.podium.media.rtcp;

import static dev.podium.media.rtcp.RtcpCompoundTest.hex;
import static dev.podium.media.rtcp.RtcpCompoundTest.only;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReceiverEstimatedMaxBitrateTest {
  // PT 206 FMT 15, length 5; sender 1; media 0; "REMB"; 1 SSRC, exp 2, mantissa 150000; SSRC.
  private static final String EXAMPLE = "8fce0005 00000001 00000000 52454d42 010a49f0 12345678";

  @Test
  void decodesExponentAndMantissa() {
    ReceiverEstimatedMaxBitrate remb = (ReceiverEstimatedMaxBitrate) only(hex(EXAMPLE));
    assertThat(remb.senderSsrc()).isEqualTo(1);
    assertThat(remb.bitrate()).isEqualTo(150_000L << 2);
    assertThat(remb.ssrcs()).containsExactly(0x12345678L);
  }

  @Test
  void encodesTheSmallestExponentThatFitsTheMantissa() {
    ByteBuf out = Unpooled.buffer();
    new ReceiverEstimatedMaxBitrate(1, 600_000, List.of(0x12345678L)).writeTo(out);
    assertThat(ByteBufUtil.hexDump(out)).isEqualTo(EXAMPLE.replace(" ", ""));
  }

  @Test
  void roundsBitrateDownToWhatTheWireCarries() {
    assertThat(new ReceiverEstimatedMaxBitrate(1, 1_000_003, List.of()).bitrate())
        .isEqualTo(1_000_000);
    assertThat(new ReceiverEstimatedMaxBitrate(1, 262_143, List.of()).bitrate()).isEqualTo(262_143);
  }

  @Test
  void saturatesHugeExponentsInsteadOfOverflowing() {
    // exp 63, mantissa 0x3FFFF.
    ReceiverEstimatedMaxBitrate remb =
        (ReceiverEstimatedMaxBitrate) only(hex("8fce0004 00000001 00000000 52454d42 00ffffff"));
    assertThat(remb.bitrate()).isPositive().isGreaterThan(Long.MAX_VALUE / 2);
  }

  @Test
  void keepsOtherApplicationFeedbackAsUnknownAndFlagsOverlongSsrcLists() {
    RtcpPacket other = only(hex("8fce0004 00000001 00000000 41424344 010a49f0"));
    assertThat(other).isInstanceOf(UnknownRtcpPacket.class);
    RtcpParseResult result =
        RtcpCompound.parse(hex("8fce0004 00000001 00000000 52454d42 020a49f0"));
    assertThat(result.error()).isEqualTo(RtcpParseError.MALFORMED_PACKET);
  }
}
