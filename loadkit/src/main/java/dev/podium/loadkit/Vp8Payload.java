package dev.podium.loadkit;

/**
 * Reads just enough of a VP8 RTP payload (RFC 7741 §4.2 payload descriptor, §4.3 payload header) to
 * tell whether a packet starts a key frame.
 */
final class Vp8Payload {

  private Vp8Payload() {}

  /**
   * Whether {@code payload[offset, offset + length)} is the first packet of a VP8 key frame: the
   * descriptor's S bit set with partition index 0, and the payload header's P (inverse key frame)
   * bit clear. Malformed payloads answer false; never throws.
   */
  static boolean startsKeyFrame(byte[] payload, int offset, int length) {
    if (length < 1) {
      return false;
    }
    int end = offset + length;
    int first = payload[offset] & 0xFF;
    boolean extended = (first & 0x80) != 0;
    boolean start = (first & 0x10) != 0;
    int partition = first & 0x07;
    if (!start || partition != 0) {
      return false;
    }
    int position = offset + 1;
    if (extended) {
      if (position >= end) {
        return false;
      }
      int flags = payload[position++] & 0xFF;
      if ((flags & 0x80) != 0) { // I: picture id, 7 or 15 bits (M bit)
        if (position >= end) {
          return false;
        }
        position += (payload[position] & 0x80) != 0 ? 2 : 1;
      }
      if ((flags & 0x40) != 0) { // L: TL0PICIDX
        position++;
      }
      if ((flags & 0x30) != 0) { // T or K: TID/Y/KEYIDX
        position++;
      }
    }
    if (position >= end) {
      return false;
    }
    return (payload[position] & 0x01) == 0;
  }
}
