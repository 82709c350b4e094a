package dev.podium.media.video;

import io.netty.buffer.ByteBuf;

/**
 * Finds where an H.264 decoder can start in an RTP payload (RFC 6184 §5.6-5.8): an IDR slice (NAL
 * type 5) or a sequence parameter set (7), alone, inside a STAP-A aggregate (24), or at the start
 * of an FU-A fragmented unit (28). libwebrtc sends SPS and PPS before each IDR, so either marks a
 * keyframe.
 */
public final class H264KeyFrames {
  private static final int IDR = 5;
  private static final int SPS = 7;
  private static final int STAP_A = 24;
  private static final int FU_A = 28;

  private H264KeyFrames() {}

  /** True when the payload at {@code buf[offset, offset + length)} starts a keyframe. */
  public static boolean isKeyFrameStart(ByteBuf buf, int offset, int length) {
    if (length < 1) {
      return false;
    }
    int type = buf.getUnsignedByte(offset) & 0x1F;
    switch (type) {
      case IDR, SPS:
        return true;
      case STAP_A:
        int p = offset + 1;
        int end = offset + length;
        while (p + 3 <= end) {
          int size = buf.getUnsignedShort(p);
          int nal = buf.getUnsignedByte(p + 2) & 0x1F;
          if (nal == IDR || nal == SPS) {
            return true;
          }
          p += 2 + size;
        }
        return false;
      case FU_A:
        if (length < 2) {
          return false;
        }
        int fuHeader = buf.getUnsignedByte(offset + 1);
        int fuType = fuHeader & 0x1F;
        return (fuHeader & 0x80) != 0 && (fuType == IDR || fuType == SPS);
      default:
        return false;
    }
  }
}
