package dev.podium.media.rtp;

import io.netty.buffer.ByteBuf;

/**
 * Walks the elements of an RTP header extension block in one-byte or two-byte form (RFC 8285 §4).
 */
final class RtpExtensionScanner {
  private static final int ONE_BYTE_RESERVED_ID = 15;

  private RtpExtensionScanner() {}

  /**
   * Returns the slot of element {@code wanted} (when {@code visitor} is null), or feeds every
   * element to {@code visitor} and returns {@link RtpPacket#NOT_FOUND}. Malformed elements end the
   * walk: an element running past the block, or the reserved one-byte id 15 (RFC 8285 §4.2).
   * Padding bytes (id 0) are skipped whatever their length nibble.
   */
  static long scan(RtpPacket packet, int wanted, RtpExtensionVisitor visitor) {
    int profile = packet.extensionProfile();
    boolean oneByte = profile == RtpPacket.ONE_BYTE_PROFILE;
    boolean twoByte = (profile & 0xFFF0) == RtpPacket.TWO_BYTE_PROFILE;
    if (!oneByte && !twoByte) {
      return RtpPacket.NOT_FOUND;
    }
    ByteBuf buf = packet.buffer();
    int i = packet.extensionStart();
    int end = packet.extensionEnd();
    while (i < end) {
      int first = buf.getUnsignedByte(i);
      int id;
      int len;
      int valueIndex;
      if (oneByte) {
        id = first >>> 4;
        if (id == 0) {
          i++;
          continue;
        }
        if (id == ONE_BYTE_RESERVED_ID) {
          break;
        }
        len = (first & 0x0F) + 1;
        valueIndex = i + 1;
      } else {
        id = first;
        if (id == 0) {
          i++;
          continue;
        }
        if (i + 2 > end) {
          break;
        }
        len = buf.getUnsignedByte(i + 1);
        valueIndex = i + 2;
      }
      if (valueIndex + len > end) {
        break;
      }
      if (visitor != null) {
        visitor.visit(id, buf, valueIndex, len);
      } else if (id == wanted) {
        return ((long) valueIndex << 32) | len;
      }
      i = valueIndex + len;
    }
    return RtpPacket.NOT_FOUND;
  }
}
