package dev.podium.media.rtcp;

import io.netty.buffer.ByteBuf;

/** Picture loss indication, PT 206 FMT 1 (RFC 4585 §6.3.1): asks the sender for a keyframe. */
public record PictureLossIndication(long senderSsrc, long mediaSsrc) implements RtcpPacket {
  static final int FORMAT = 1;

  @Override
  public int length() {
    return RtcpHeader.FEEDBACK_HEADER_LENGTH;
  }

  @Override
  public void writeTo(ByteBuf out) {
    RtcpHeader.writeFeedback(
        out, FORMAT, RtcpHeader.PAYLOAD_FEEDBACK, length(), senderSsrc, mediaSsrc);
  }

  /** Parses the packet at {@code index} of {@code length} bytes; null when truncated. */
  static PictureLossIndication parse(ByteBuf buf, int index, int length) {
    if (length < RtcpHeader.FEEDBACK_HEADER_LENGTH) {
      return null;
    }
    return new PictureLossIndication(buf.getUnsignedInt(index + 4), buf.getUnsignedInt(index + 8));
  }
}
