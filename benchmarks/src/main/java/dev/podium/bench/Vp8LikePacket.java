package dev.podium.bench;

import java.util.Random;

/**
 * Builds plain RTP packets shaped like what a browser sends for VP8 video (RFC 3550 §5.1 header,
 * RFC 8285 one-byte header extensions, RFC 7741 §4.2 payload descriptor), for the benchmarks.
 */
final class Vp8LikePacket {
  /** Plain RTP length of every packet, header included: a full-MTU video packet. */
  static final int LENGTH = 1200;

  static final int PAYLOAD_TYPE = 96;

  /** 12-byte fixed header + 4-byte extension header + 8 bytes of extension elements. */
  static final int HEADER_LENGTH = 24;

  private static final int ABS_SEND_TIME_ID = 2;
  private static final int TRANSPORT_CC_ID = 3;

  private Vp8LikePacket() {}

  /**
   * Writes packet {@code n} of a stream into {@code a[off, off + LENGTH)}: sequence number {@code
   * firstSeq + n}, six packets per frame at 30 fps (marker on the last), a transport-cc sequence
   * number and abs-send-time extension, a VP8 descriptor with a 15-bit picture id, random payload.
   */
  static void write(byte[] a, int off, long ssrc, int firstSeq, int n, Random random) {
    int frame = n / 6;
    boolean lastOfFrame = n % 6 == 5;
    int seq = (firstSeq + n) & 0xFFFF;
    long timestamp = (1_000_000L + 3000L * frame) & 0xFFFF_FFFFL;
    a[off] = (byte) 0x90; // V=2, X=1, CC=0
    a[off + 1] = (byte) ((lastOfFrame ? 0x80 : 0) | PAYLOAD_TYPE);
    putShort(a, off + 2, seq);
    putInt(a, off + 4, (int) timestamp);
    putInt(a, off + 8, (int) ssrc);
    putShort(a, off + 12, 0xBEDE);
    putShort(a, off + 14, 2); // two 32-bit words of elements
    a[off + 16] = (byte) ((ABS_SEND_TIME_ID << 4) | 2); // 3 bytes
    a[off + 17] = (byte) (frame >>> 8);
    a[off + 18] = (byte) frame;
    a[off + 19] = (byte) n;
    a[off + 20] = (byte) ((TRANSPORT_CC_ID << 4) | 1); // 2 bytes
    putShort(a, off + 21, n & 0xFFFF);
    a[off + 23] = 0; // padding
    int p = off + HEADER_LENGTH;
    a[p] = (byte) (n % 6 == 0 ? 0x90 : 0x80); // X=1, S=start of partition on the first packet
    a[p + 1] = (byte) 0x80; // I: picture id present
    putShort(a, p + 2, 0x8000 | (frame & 0x7FFF)); // M=1: 15-bit picture id
    byte[] payload = new byte[LENGTH - HEADER_LENGTH - 4];
    random.nextBytes(payload);
    System.arraycopy(payload, 0, a, p + 4, payload.length);
  }

  private static void putShort(byte[] a, int i, int v) {
    a[i] = (byte) (v >>> 8);
    a[i + 1] = (byte) v;
  }

  private static void putInt(byte[] a, int i, int v) {
    a[i] = (byte) (v >>> 24);
    a[i + 1] = (byte) (v >>> 16);
    a[i + 2] = (byte) (v >>> 8);
    a[i + 3] = (byte) v;
  }
}
