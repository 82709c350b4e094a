package dev.podium.media.srtp;

/**
 * Byte-level reads and the little RTP/RTCP header parsing SRTP needs (RFC 3550 §5.1, §6.4.1, RFC
 * 8285 for the extension block): lengths only, never throwing.
 */
final class PacketBytes {
  static final int RTP_FIXED_HEADER = 12;

  /** Fixed RTCP header plus sender SSRC: the part SRTCP leaves unencrypted (RFC 3711 §3.4). */
  static final int RTCP_HEADER = 8;

  private PacketBytes() {}

  /**
   * Length of the RTP header (fixed part, CSRCs and header extension) of the packet in {@code
   * a[off, off + len)}, or -1 if it is not RTP version 2 or the header does not fit.
   */
  static int rtpHeaderLength(byte[] a, int off, int len) {
    if (len < RTP_FIXED_HEADER) {
      return -1;
    }
    int b0 = a[off] & 0xFF;
    if ((b0 >>> 6) != 2) {
      return -1;
    }
    int length = RTP_FIXED_HEADER + 4 * (b0 & 0x0F);
    if ((b0 & 0x10) != 0) {
      if (length + 4 > len) {
        return -1;
      }
      length += 4 + 4 * readUnsignedShort(a, off + length + 2);
    }
    return length <= len ? length : -1;
  }

  /** Whether {@code a[off, off + len)} starts like an RTCP packet: version 2, at least 8 bytes. */
  static boolean isRtcpHeader(byte[] a, int off, int len) {
    return len >= RTCP_HEADER && ((a[off] & 0xFF) >>> 6) == 2;
  }

  static int readUnsignedShort(byte[] a, int i) {
    return ((a[i] & 0xFF) << 8) | (a[i + 1] & 0xFF);
  }

  static int readInt(byte[] a, int i) {
    return ((a[i] & 0xFF) << 24)
        | ((a[i + 1] & 0xFF) << 16)
        | ((a[i + 2] & 0xFF) << 8)
        | (a[i + 3] & 0xFF);
  }

  static void writeInt(byte[] a, int i, int v) {
    a[i] = (byte) (v >>> 24);
    a[i + 1] = (byte) (v >>> 16);
    a[i + 2] = (byte) (v >>> 8);
    a[i + 3] = (byte) v;
  }

  /** Constant-time comparison of {@code length} bytes. */
  static boolean equalsConstantTime(byte[] a, int aOff, byte[] b, int bOff, int length) {
    int diff = 0;
    for (int i = 0; i < length; i++) {
      diff |= a[aOff + i] ^ b[bOff + i];
    }
    return diff == 0;
  }
}
