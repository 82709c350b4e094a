package dev.podium.media.rtcp;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/** Receiver report, PT 201 (RFC 3550 §6.4.2): reporter SSRC plus up to 31 report blocks. */
public record ReceiverReport(long senderSsrc, List<ReportBlock> reports) implements RtcpPacket {

  private static final int FIXED_LENGTH = 8;

  public ReceiverReport {
    reports = List.copyOf(reports);
    RtcpHeader.checkCount(reports.size(), "report blocks");
  }

  @Override
  public int length() {
    return FIXED_LENGTH + ReportBlock.LENGTH * reports.size();
  }

  @Override
  public void writeTo(ByteBuf out) {
    RtcpHeader.write(out, reports.size(), RtcpHeader.RECEIVER_REPORT, length());
    out.writeInt((int) senderSsrc);
    reports.forEach(block -> block.writeTo(out));
  }

  /** Parses the packet at {@code index} of {@code length} bytes; null when truncated. */
  static ReceiverReport parse(ByteBuf buf, int index, int length, int count) {
    if (length < FIXED_LENGTH + ReportBlock.LENGTH * count) {
      return null;
    }
    List<ReportBlock> blocks = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      blocks.add(ReportBlock.read(buf, index + FIXED_LENGTH + ReportBlock.LENGTH * i));
    }
    return new ReceiverReport(buf.getUnsignedInt(index + 4), blocks);
  }
}
