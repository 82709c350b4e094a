package dev.podium.media.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class PacketClassifierTest {

  private static ByteBuf datagram(int first, int second, int length) {
    ByteBuf buf = Unpooled.buffer(length);
    buf.writeZero(length);
    if (length > 0) {
      buf.setByte(0, first);
    }
    if (length > 1) {
      buf.setByte(1, second);
    }
    return buf;
  }

  private static PacketKind kindOfFirstByte(int first) {
    return PacketClassifier.classify(datagram(first, 96, 20));
  }

  @Test
  void classifiesEveryFirstByteByTheRfc7983Table() {
    for (int b = 0; b < 256; b++) {
      PacketKind expected;
      if (b <= 3) {
        expected = PacketKind.STUN;
      } else if (b >= 16 && b <= 19) {
        expected = PacketKind.ZRTP;
      } else if (b >= 20 && b <= 63) {
        expected = PacketKind.DTLS;
      } else if (b >= 64 && b <= 79) {
        expected = PacketKind.TURN_CHANNEL;
      } else if (b >= 128 && b <= 191) {
        expected = PacketKind.RTP;
      } else {
        expected = PacketKind.UNKNOWN;
      }
      assertThat(kindOfFirstByte(b)).as("first byte %d", b).isEqualTo(expected);
    }
  }

  @Test
  void tellsRtcpFromRtpByPacketTypesInSecondOctet() {
    for (int second = 0; second < 256; second++) {
      PacketKind expected = second >= 192 && second <= 223 ? PacketKind.RTCP : PacketKind.RTP;
      assertThat(PacketClassifier.classify(datagram(0x80, second, 12)))
          .as("second byte %d", second)
          .isEqualTo(expected);
    }
    // Marker bit set on a dynamic payload type (M=1, PT=96 -> 0xE0) is still RTP.
    assertThat(PacketClassifier.classify(datagram(0x80, 0xE0, 12))).isEqualTo(PacketKind.RTP);
    // A receiver report with padding bit and count set.
    assertThat(PacketClassifier.classify(datagram(0xA1, 201, 8))).isEqualTo(PacketKind.RTCP);
  }

  @Test
  void reportsTooShortRtpAndRtcpAsUnknown() {
    assertThat(PacketClassifier.classify(datagram(0x80, 96, 11))).isEqualTo(PacketKind.UNKNOWN);
    assertThat(PacketClassifier.classify(datagram(0x80, 96, 12))).isEqualTo(PacketKind.RTP);
    assertThat(PacketClassifier.classify(datagram(0x80, 200, 7))).isEqualTo(PacketKind.UNKNOWN);
    assertThat(PacketClassifier.classify(datagram(0x80, 200, 8))).isEqualTo(PacketKind.RTCP);
    assertThat(PacketClassifier.classify(datagram(0x80, 0, 1))).isEqualTo(PacketKind.UNKNOWN);
    assertThat(PacketClassifier.classify(Unpooled.EMPTY_BUFFER)).isEqualTo(PacketKind.UNKNOWN);
  }

  @Test
  void readsFromReaderIndexWithoutMovingIt() {
    ByteBuf buf = Unpooled.buffer();
    buf.writeByte(0x00); // a STUN-looking byte before the reader index must be ignored
    buf.writeByte(0x80).writeByte(200).writeZero(6);
    buf.readerIndex(1);
    assertThat(PacketClassifier.classify(buf)).isEqualTo(PacketKind.RTCP);
    assertThat(buf.readerIndex()).isEqualTo(1);
    assertThat(buf.writerIndex()).isEqualTo(9);
  }
}
