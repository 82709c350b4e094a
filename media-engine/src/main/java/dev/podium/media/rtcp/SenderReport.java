package dev.podium.media.rtcp;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * Sender report, PT 200 (RFC 3550 §6.4.1): sender info plus up to 31 report blocks. Profile
 * extensions after the blocks are ignored when parsing.
 */
public record SenderReport(
    long senderSsrc,
    long ntpTimestamp,
    long rtpTimestamp,
    long packetCount,
    long octetCount,
    List<ReportBlock> reports)
    implements RtcpPacket {

  private static final int FIXED_LENGTH = 28;

  public SenderReport {
    reports = List.copyOf(reports);
    RtcpHeader.checkCount(reports.size(), "report blocks");
  }

  @Override
  public int length() {
    return FIXED_LENGTH + ReportBlock.LENGTH * reports.size();
  }

  @Override
  public void writeTo(ByteBuf out) {
    RtcpHeader.write(out, reports.size(), RtcpHeader.SENDER_REPORT, length());
    out.writeInt((int) senderSsrc);
    out.writeLong(ntpTimestamp);
    out.writeInt((int) rtpTimestamp);
    out.writeInt((int) packetCount);
    out.writeInt((int) octetCount);
    reports.forEach(block -> block.writeTo(out));
  }

  /** Parses the packet at {@code index} of {@code length} bytes; null when truncated. */
  static SenderReport parse(ByteBuf buf, int index, int length, int count) {
    if (length < FIXED_LENGTH + ReportBlock.LENGTH * count) {
      return null;
    }
    List<ReportBlock> blocks = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      blocks.add(ReportBlock.read(buf, index + FIXED_LENGTH + ReportBlock.LENGTH * i));
    }
    return new SenderReport(
        buf.getUnsignedInt(index + 4),
        buf.getLong(index + 8),
        buf.getUnsignedInt(index + 16),
        buf.getUnsignedInt(index + 20),
        buf.getUnsignedInt(index + 24),
        blocks);
  }
}
