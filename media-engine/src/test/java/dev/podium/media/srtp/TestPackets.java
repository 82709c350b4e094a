package dev.podium.media.srtp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.HexFormat;

/** Builders for RTP/RTCP test packets and hex helpers. */
final class TestPackets {
  private TestPackets() {}

  static byte[] hex(String s) {
    return HexFormat.of().parseHex(s.replaceAll("\\s", ""));
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  static String hex(ByteBuf buf) {
    return ByteBufUtil.hexDump(buf);
  }

  static byte[] bytes(ByteBuf buf) {
    return ByteBufUtil.getBytes(buf);
  }

  /** A plain RTP packet: V=2, PT 96, the given seq and SSRC, payload filled with a pattern. */
  static byte[] rtp(int seq, int ssrc, int payloadLength) {
    byte[] p = new byte[12 + payloadLength];
    p[0] = (byte) 0x80;
    p[1] = 96;
    p[2] = (byte) (seq >>> 8);
    p[3] = (byte) seq;
    p[4] = 0x11;
    p[7] = (byte) seq;
    PacketBytes.writeInt(p, 8, ssrc);
    for (int i = 12; i < p.length; i++) {
      p[i] = (byte) (i * 7 + seq);
    }
    return p;
  }

  /** A plain RTCP receiver report with the given sender SSRC, padded out to {@code length}. */
  static byte[] rtcp(int ssrc, int length) {
    byte[] p = new byte[length];
    p[0] = (byte) 0x80;
    p[1] = (byte) 201;
    int words = length / 4 - 1;
    p[2] = (byte) (words >>> 8);
    p[3] = (byte) words;
    PacketBytes.writeInt(p, 4, ssrc);
    for (int i = 8; i < p.length; i++) {
      p[i] = (byte) (i * 13);
    }
    return p;
  }

  /** A heap buffer holding {@code bytes} with spare capacity. */
  static ByteBuf heap(byte[] bytes) {
    ByteBuf buf = Unpooled.buffer(bytes.length + 64);
    buf.writeBytes(bytes);
    return buf;
  }

  /** A direct buffer holding {@code bytes} with spare capacity. */
  static ByteBuf direct(byte[] bytes) {
    ByteBuf buf = Unpooled.directBuffer(bytes.length + 64);
    buf.writeBytes(bytes);
    return buf;
  }
}
