package dev.podium.media.net;

import io.netty.buffer.ByteBuf;

/**
 * First-byte demultiplexer for the one UDP port that carries STUN, DTLS, RTP and RTCP (RFC 7983 §7,
 * RTP/RTCP split per RFC 5761 §4).
 *
 * <pre>
 * RFC 5764 §5.1.2 as updated by RFC 7983 §7:
 *
 *                  +----------------+
 *                  |        [0..3] -+--> forward to STUN
 *                  |                |
 *                  |      [16..19] -+--> forward to ZRTP
 *                  |                |
 *      packet -->  |      [20..63] -+--> forward to DTLS
 *                  |                |
 *                  |      [64..79] -+--> forward to TURN Channel
 *                  |                |
 *                  |    [128..191] -+--> forward to RTP/RTCP
 *                  +----------------+
 *
 * RTP vs RTCP (RFC 5761 §4): the second octet of an RTCP packet is its packet type, and the
 * packet types reserved for RTCP are 192–223 (SR=200, RR=201, SDES=202, BYE=203, APP=204,
 * RTPFB=205, PSFB=206, XR=207). In RTP the same octet is M(1 bit) + PT(7 bits), and payload
 * types 64–95 are never used for RTP so that M=1 + PT 64–95 (= octets 192–223) cannot collide.
 * Hence: second octet in [192..223] means RTCP, anything else means RTP.
 * </pre>
 *
 * <p>Datagrams shorter than a fixed RTP header (12 bytes) or an RTCP header plus SSRC (8 bytes) are
 * reported as {@link PacketKind#UNKNOWN}. The buffer's indices are never moved.
 */
public final class PacketClassifier {
  /** Smallest RTP packet: the fixed header (RFC 3550 §5.1). */
  static final int MIN_RTP_LENGTH = 12;

  /** Smallest RTCP packet worth looking at: common header plus sender SSRC (RFC 3550 §6.4). */
  static final int MIN_RTCP_LENGTH = 8;

  private PacketClassifier() {}

  /** Classifies the readable bytes of {@code datagram} without moving its indices. */
  public static PacketKind classify(ByteBuf datagram) {
    int length = datagram.readableBytes();
    if (length < 1) {
      return PacketKind.UNKNOWN;
    }
    int index = datagram.readerIndex();
    int first = datagram.getUnsignedByte(index);
    if (first <= 3) {
      return PacketKind.STUN;
    }
    if (first >= 16 && first <= 19) {
      return PacketKind.ZRTP;
    }
    if (first >= 20 && first <= 63) {
      return PacketKind.DTLS;
    }
    if (first >= 64 && first <= 79) {
      return PacketKind.TURN_CHANNEL;
    }
    if (first >= 128 && first <= 191) {
      if (length < 2) {
        return PacketKind.UNKNOWN;
      }
      int second = datagram.getUnsignedByte(index + 1);
      if (second >= 192 && second <= 223) {
        return length >= MIN_RTCP_LENGTH ? PacketKind.RTCP : PacketKind.UNKNOWN;
      }
      return length >= MIN_RTP_LENGTH ? PacketKind.RTP : PacketKind.UNKNOWN;
    }
    return PacketKind.UNKNOWN;
  }
}
