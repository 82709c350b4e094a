package dev.podium.media.rtcp;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * Receiver estimated maximum bitrate, PT 206 FMT 15 with the "REMB" identifier
 * (draft-alvestrand-rmcat-remb-03 §2.2). The bitrate travels as an 18-bit mantissa and a 6-bit
 * exponent, so the record keeps it rounded down to the nearest value the wire can carry. The
 * header's media SSRC is always 0.
 */
public record ReceiverEstimatedMaxBitrate(long senderSsrc, long bitrate, List<Long> ssrcs)
    implements RtcpPacket {
  static final int FORMAT = 15;

  /** The four ASCII bytes "REMB" that follow the feedback header. */
  static final int IDENTIFIER = ('R' << 24) | ('E' << 16) | ('M' << 8) | 'B';

  private static final int FIXED_LENGTH = 20;
  private static final int MANTISSA_BITS = 18;
  private static final long MAX_MANTISSA = (1L << MANTISSA_BITS) - 1;

  public ReceiverEstimatedMaxBitrate {
    if (bitrate < 0) {
      throw new IllegalArgumentException("negative bitrate " + bitrate);
    }
    ssrcs = List.copyOf(ssrcs);
    if (ssrcs.size() > 255) {
      throw new IllegalArgumentException("at most 255 SSRCs in a REMB");
    }
    int exponent = exponentFor(bitrate);
    bitrate = (bitrate >>> exponent) << exponent;
  }

  @Override
  public int length() {
    return FIXED_LENGTH + 4 * ssrcs.size();
  }

  @Override
  public void writeTo(ByteBuf out) {
    RtcpHeader.writeFeedback(out, FORMAT, RtcpHeader.PAYLOAD_FEEDBACK, length(), senderSsrc, 0);
    out.writeInt(IDENTIFIER);
    int exponent = exponentFor(bitrate);
    out.writeByte(ssrcs.size());
    out.writeMedium((exponent << MANTISSA_BITS) | (int) (bitrate >>> exponent));
    ssrcs.forEach(ssrc -> out.writeInt(ssrc.intValue()));
  }

  private static int exponentFor(long bitrate) {
    int exponent = 0;
    while ((bitrate >>> exponent) > MAX_MANTISSA) {
      exponent++;
    }
    return exponent;
  }

  /** True when the PSFB FMT 15 packet at {@code index} carries the REMB identifier. */
  static boolean isRemb(ByteBuf buf, int index, int length) {
    return length >= FIXED_LENGTH
        && buf.getInt(index + RtcpHeader.FEEDBACK_HEADER_LENGTH) == IDENTIFIER;
  }

  /**
   * Parses the packet at {@code index} of {@code length} bytes; null when the SSRC list overruns.
   */
  static ReceiverEstimatedMaxBitrate parse(ByteBuf buf, int index, int length) {
    if (!isRemb(buf, index, length)) {
      return null;
    }
    int count = buf.getUnsignedByte(index + 16);
    if (FIXED_LENGTH + 4 * count > length) {
      return null;
    }
    int expMantissa = buf.getUnsignedMedium(index + 17);
    int exponent = expMantissa >>> MANTISSA_BITS;
    long mantissa = expMantissa & MAX_MANTISSA;
    long bitrate =
        mantissa == 0 || Long.numberOfLeadingZeros(mantissa) > exponent
            ? mantissa << exponent
            : Long.MAX_VALUE;
    List<Long> ssrcs = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      ssrcs.add(buf.getUnsignedInt(index + FIXED_LENGTH + 4 * i));
    }
    return new ReceiverEstimatedMaxBitrate(buf.getUnsignedInt(index + 4), bitrate, ssrcs);
  }
}
