package dev.podium.media.rtcp;

import io.netty.buffer.ByteBuf;

/** The RTCP common header (RFC 3550 §6.4.1) and the packet type numbers Podium knows. */
final class RtcpHeader {
  static final int LENGTH = 4;
  static final int SENDER_REPORT = 200;
  static final int RECEIVER_REPORT = 201;
  static final int SOURCE_DESCRIPTION = 202;
  static final int BYE = 203;
  static final int TRANSPORT_FEEDBACK = 205;
  static final int PAYLOAD_FEEDBACK = 206;

  /** Common feedback header: RTCP header + sender SSRC + media SSRC (RFC 4585 §6.1). */
  static final int FEEDBACK_HEADER_LENGTH = 12;

  /** Largest report/source count the 5-bit RC/SC field holds. */
  static final int MAX_COUNT = 31;

  private RtcpHeader() {}

  /** Writes V=2, P=0, the 5-bit count or FMT, the packet type and the length in words minus one. */
  static void write(ByteBuf out, int countOrFormat, int packetType, int totalLength) {
    write(out, false, countOrFormat, packetType, totalLength);
  }

  static void write(ByteBuf out, boolean padding, int countOrFormat, int packetType, int total) {
    out.writeByte(0x80 | (padding ? 0x20 : 0) | (countOrFormat & 0x1F));
    out.writeByte(packetType);
    out.writeShort(total / 4 - 1);
  }

  /** Writes the feedback header: common header, sender SSRC, media SSRC. */
  static void writeFeedback(
      ByteBuf out, int format, int packetType, int totalLength, long senderSsrc, long mediaSsrc) {
    write(out, format, packetType, totalLength);
    out.writeInt((int) senderSsrc);
    out.writeInt((int) mediaSsrc);
  }

  static void checkCount(int count, String what) {
    if (count > MAX_COUNT) {
      throw new IllegalArgumentException("at most 31 " + what + ", got " + count);
    }
  }

  static int padTo4(int length) {
    return (length + 3) & ~3;
  }
}
