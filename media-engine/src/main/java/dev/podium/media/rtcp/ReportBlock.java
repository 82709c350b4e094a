package dev.podium.media.rtcp;

import io.netty.buffer.ByteBuf;

/**
 * One reception report block of a sender or receiver report (RFC 3550 §6.4.1). {@code
 * cumulativeLost} is the signed 24-bit value; the other fields are unsigned.
 */
public record ReportBlock(
    long ssrc,
    int fractionLost,
    int cumulativeLost,
    long extendedHighestSequence,
    long jitter,
    long lastSenderReport,
    long delaySinceLastSenderReport) {

  /** Size of a block on the wire. */
  public static final int LENGTH = 24;

  /** Appends the 24-byte block to {@code out}. */
  public void writeTo(ByteBuf out) {
    out.writeInt((int) ssrc);
    out.writeByte(fractionLost);
    out.writeMedium(cumulativeLost);
    out.writeInt((int) extendedHighestSequence);
    out.writeInt((int) jitter);
    out.writeInt((int) lastSenderReport);
    out.writeInt((int) delaySinceLastSenderReport);
  }

  /** Reads a block at absolute {@code index}; the caller checks that 24 bytes are there. */
  static ReportBlock read(ByteBuf buf, int index) {
    return new ReportBlock(
        buf.getUnsignedInt(index),
        buf.getUnsignedByte(index + 4),
        buf.getMedium(index + 5),
        buf.getUnsignedInt(index + 8),
        buf.getUnsignedInt(index + 12),
        buf.getUnsignedInt(index + 16),
        buf.getUnsignedInt(index + 20));
  }
}
