package dev.podium.media.video;

import io.netty.buffer.ByteBuf;

/**
 * Mutable, reusable view of a VP8 RTP payload descriptor (RFC 7741 §4.2) and, on the first packet
 * of a keyframe, of the VP8 payload header and keyframe header (RFC 7741 §4.3, RFC 6386 §9.1).
 *
 * <pre>
 *   X|R|N|S|R|PID     X: extension byte follows; S: start of a partition; PID: partition index
 *   I|L|T|K|RSV       (if X) I: picture id, L: TL0PICIDX, T: TID, K: KEYIDX present
 *   M|PictureID       (if I) M=1: 15-bit picture id over two bytes, else 7 bits in one
 *   TL0PICIDX         (if L)
 *   TID|Y|KEYIDX      (if T or K)
 * </pre>
 *
 * <p>Offsets are relative to the start of the payload, so a rewriter can apply them to a copy.
 * Parsing never throws: {@link #parse} returns false for a descriptor that runs past the payload.
 */
public final class Vp8PayloadDescriptor {
  /** Picture ids wrap at 2^15 (M=1) or 2^7. */
  public static final int PICTURE_ID_15_BIT_MODULUS = 1 << 15;

  public static final int PICTURE_ID_7_BIT_MODULUS = 1 << 7;

  private boolean startOfPartition;
  private int partitionIndex;
  private int pictureIdOffset = -1;
  private int pictureIdBits;
  private int pictureId = -1;
  private int tl0PicIdxOffset = -1;
  private int tl0PicIdx = -1;
  private int length;
  private boolean keyFrame;
  private int width;
  private int height;

  /**
   * Parses the descriptor at {@code buf[offset, offset + payloadLength)}. Returns false (view
   * cleared) when the payload is too short for what its flags announce.
   */
  public boolean parse(ByteBuf buf, int offset, int payloadLength) {
    clear();
    if (payloadLength < 1) {
      return false;
    }
    int b0 = buf.getUnsignedByte(offset);
    int p = 1;
    if ((b0 & 0x80) != 0) {
      if (payloadLength < 2) {
        return false;
      }
      int x = buf.getUnsignedByte(offset + 1);
      p = 2;
      if ((x & 0x80) != 0) {
        if (p >= payloadLength) {
          return false;
        }
        int m = buf.getUnsignedByte(offset + p);
        if ((m & 0x80) != 0) {
          if (p + 1 >= payloadLength) {
            return false;
          }
          pictureIdBits = 15;
          pictureId = ((m & 0x7F) << 8) | buf.getUnsignedByte(offset + p + 1);
          pictureIdOffset = p;
          p += 2;
        } else {
          pictureIdBits = 7;
          pictureId = m & 0x7F;
          pictureIdOffset = p;
          p += 1;
        }
      }
      if ((x & 0x40) != 0) {
        if (p >= payloadLength) {
          return false;
        }
        tl0PicIdxOffset = p;
        tl0PicIdx = buf.getUnsignedByte(offset + p);
        p++;
      }
      if ((x & 0x30) != 0) {
        p++;
      }
    }
    if (p > payloadLength) {
      clear();
      return false;
    }
    startOfPartition = (b0 & 0x10) != 0;
    partitionIndex = b0 & 0x07;
    length = p;
    // RFC 7741 §4.3: the payload header starts the first partition; P (bit 0) is 0 on keyframes.
    if (startOfPartition && partitionIndex == 0 && p < payloadLength) {
      int header = buf.getUnsignedByte(offset + p);
      keyFrame = (header & 0x01) == 0;
      // RFC 6386 §9.1: 3-byte frame tag, start code 9d 01 2a, then 14-bit width and height.
      if (keyFrame && p + 10 <= payloadLength) {
        int s = offset + p + 3;
        if (buf.getUnsignedByte(s) == 0x9D
            && buf.getUnsignedByte(s + 1) == 0x01
            && buf.getUnsignedByte(s + 2) == 0x2A) {
          width = buf.getUnsignedShortLE(s + 3) & 0x3FFF;
          height = buf.getUnsignedShortLE(s + 5) & 0x3FFF;
        }
      }
    }
    return true;
  }

  /** Forgets the last parse. */
  public void clear() {
    startOfPartition = false;
    partitionIndex = 0;
    pictureIdOffset = -1;
    pictureIdBits = 0;
    pictureId = -1;
    tl0PicIdxOffset = -1;
    tl0PicIdx = -1;
    length = 0;
    keyFrame = false;
    width = 0;
    height = 0;
  }

  /** S bit: this packet starts a partition. */
  public boolean startOfPartition() {
    return startOfPartition;
  }

  public int partitionIndex() {
    return partitionIndex;
  }

  /** True on the first packet of a keyframe (S=1, PID=0 and the payload header's P bit 0). */
  public boolean isKeyFrameStart() {
    return keyFrame;
  }

  /** Frame width from a keyframe header, 0 when not known from this packet. */
  public int width() {
    return width;
  }

  /** Frame height from a keyframe header, 0 when not known from this packet. */
  public int height() {
    return height;
  }

  public boolean hasPictureId() {
    return pictureIdOffset >= 0;
  }

  /** 7 or 15; 0 without a picture id. */
  public int pictureIdBits() {
    return pictureIdBits;
  }

  /** The picture id, -1 when absent. */
  public int pictureId() {
    return pictureId;
  }

  /** Offset of the picture id field from the payload start, -1 when absent. */
  public int pictureIdOffset() {
    return pictureIdOffset;
  }

  public boolean hasTl0PicIdx() {
    return tl0PicIdxOffset >= 0;
  }

  /** TL0PICIDX, -1 when absent. */
  public int tl0PicIdx() {
    return tl0PicIdx;
  }

  /** Offset of TL0PICIDX from the payload start, -1 when absent. */
  public int tl0PicIdxOffset() {
    return tl0PicIdxOffset;
  }

  /** Descriptor length in bytes. */
  public int length() {
    return length;
  }

  /**
   * Writes {@code pictureId} (taken modulo the field's width) into the field at {@code payloadStart
   * + pictureIdOffset()} of {@code out}, keeping the field's width and M bit.
   */
  public void writePictureId(ByteBuf out, int payloadStart, int pictureId) {
    if (pictureIdOffset < 0) {
      return;
    }
    int index = payloadStart + pictureIdOffset;
    if (pictureIdBits == 15) {
      out.setShort(index, 0x8000 | (pictureId & 0x7FFF));
    } else {
      out.setByte(index, pictureId & 0x7F);
    }
  }

  /** Writes {@code tl0PicIdx} (mod 256) into the TL0PICIDX field of {@code out}. */
  public void writeTl0PicIdx(ByteBuf out, int payloadStart, int tl0PicIdx) {
    if (tl0PicIdxOffset >= 0) {
      out.setByte(payloadStart + tl0PicIdxOffset, tl0PicIdx & 0xFF);
    }
  }

  /** The modulus of the parsed picture id field (2^15 or 2^7), 0 without one. */
  public int pictureIdModulus() {
    return pictureIdBits == 15
        ? PICTURE_ID_15_BIT_MODULUS
        : pictureIdBits == 7 ? PICTURE_ID_7_BIT_MODULUS : 0;
  }
}
