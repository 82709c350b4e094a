package dev.podium.media.rtcp;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * Full intra request, PT 206 FMT 4 (RFC 5104 §4.3.1): one entry per media sender asked for a
 * decoder refresh. The header's media SSRC is 0 by the RFC; it is kept as received.
 */
public record FullIntraRequest(
    long senderSsrc, long mediaSsrc, List<FullIntraRequest.Entry> entries) implements RtcpPacket {
  static final int FORMAT = 4;
  private static final int ENTRY_LENGTH = 8;

  /** One FCI entry: the SSRC to refresh and the 8-bit command sequence number. */
  public record Entry(long ssrc, int sequenceNumber) {
    /** The sequence number wraps at 256, so it is kept modulo 256. */
    public Entry {
      sequenceNumber &= 0xFF;
    }
  }

  public FullIntraRequest {
    entries = List.copyOf(entries);
  }

  /** A FIR for one media sender, with media SSRC 0 in the header as RFC 5104 asks. */
  public static FullIntraRequest of(long senderSsrc, long targetSsrc, int sequenceNumber) {
    return new FullIntraRequest(senderSsrc, 0, List.of(new Entry(targetSsrc, sequenceNumber)));
  }

  @Override
  public int length() {
    return RtcpHeader.FEEDBACK_HEADER_LENGTH + ENTRY_LENGTH * entries.size();
  }

  @Override
  public void writeTo(ByteBuf out) {
    RtcpHeader.writeFeedback(
        out, FORMAT, RtcpHeader.PAYLOAD_FEEDBACK, length(), senderSsrc, mediaSsrc);
    for (Entry entry : entries) {
      out.writeInt((int) entry.ssrc());
      out.writeByte(entry.sequenceNumber());
      out.writeMedium(0);
    }
  }

  /** Parses the packet at {@code index} of {@code length} bytes; trailing partial entries drop. */
  static FullIntraRequest parse(ByteBuf buf, int index, int length) {
    if (length < RtcpHeader.FEEDBACK_HEADER_LENGTH) {
      return null;
    }
    int count = (length - RtcpHeader.FEEDBACK_HEADER_LENGTH) / ENTRY_LENGTH;
    List<Entry> entries = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int p = index + RtcpHeader.FEEDBACK_HEADER_LENGTH + ENTRY_LENGTH * i;
      entries.add(new Entry(buf.getUnsignedInt(p), buf.getUnsignedByte(p + 4)));
    }
    return new FullIntraRequest(
        buf.getUnsignedInt(index + 4), buf.getUnsignedInt(index + 8), entries);
  }
}
