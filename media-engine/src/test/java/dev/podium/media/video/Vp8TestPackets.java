package dev.podium.media.video;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/** Builds synthetic VP8 RTP packets (RFC 7741) for tests. */
public final class Vp8TestPackets {
  public static final int PAYLOAD_TYPE = 96;

  private Vp8TestPackets() {}

  /**
   * A VP8 packet with a 15-bit picture id and TL0PICIDX; {@code keyFrameStart} makes it the first
   * packet of a keyframe of {@code width × height}; {@code payloadBytes} of filler follow.
   */
  public static ByteBuf packet(
      long ssrc,
      int seq,
      long timestamp,
      int pictureId,
      int tl0PicIdx,
      boolean keyFrameStart,
      int width,
      int height,
      int payloadBytes) {
    ByteBuf b = Unpooled.buffer();
    b.writeByte(0x80);
    b.writeByte(PAYLOAD_TYPE);
    b.writeShort(seq);
    b.writeInt((int) timestamp);
    b.writeInt((int) ssrc);
    b.writeByte(0x80 | (keyFrameStart ? 0x10 : 0)); // X, S
    b.writeByte(0xC0); // I, L
    b.writeShort(0x8000 | (pictureId & 0x7FFF));
    b.writeByte(tl0PicIdx);
    if (keyFrameStart) {
      b.writeByte(0x10); // P = 0: keyframe
      b.writeByte(0x02);
      b.writeByte(0x00);
      b.writeByte(0x9D).writeByte(0x01).writeByte(0x2A);
      b.writeShortLE(width);
      b.writeShortLE(height);
    } else {
      b.writeByte(0x01); // P = 1: interframe (or a later packet of any frame)
    }
    for (int i = 0; i < payloadBytes; i++) {
      b.writeByte(i);
    }
    return b;
  }
}
