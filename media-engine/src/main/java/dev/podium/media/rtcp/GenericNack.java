package dev.podium.media.rtcp;

import dev.podium.media.rtp.SequenceNumbers;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * Generic NACK, PT 205 FMT 1 (RFC 4585 §6.2.1): the RTP sequence numbers a receiver lost.
 *
 * <p>On the wire each FCI is a PID (a lost packet) and a 16-bit BLP whose bit i (LSB = 0) marks
 * PID+i+1 lost too. Writing walks {@link #lostSequenceNumbers} in order and folds each number into
 * the current FCI when it lies 1..16 after its PID (wrap-aware), else opens a new FCI; so a list in
 * ascending (wrap-aware) order without duplicates survives a round trip unchanged.
 */
public record GenericNack(long senderSsrc, long mediaSsrc, List<Integer> lostSequenceNumbers)
    implements RtcpPacket {
  static final int FORMAT = 1;
  private static final int FCI_LENGTH = 4;
  private static final int BITS = 16;

  public GenericNack {
    lostSequenceNumbers = lostSequenceNumbers.stream().map(seq -> seq & 0xFFFF).toList();
  }

  @Override
  public int length() {
    return RtcpHeader.FEEDBACK_HEADER_LENGTH + FCI_LENGTH * encode(null);
  }

  @Override
  public void writeTo(ByteBuf out) {
    RtcpHeader.writeFeedback(
        out, FORMAT, RtcpHeader.TRANSPORT_FEEDBACK, length(), senderSsrc, mediaSsrc);
    encode(out);
  }

  /** Writes the PID/BLP pairs to {@code out} (when not null) and returns how many there are. */
  private int encode(ByteBuf out) {
    List<Integer> seqs = lostSequenceNumbers;
    int items = 0;
    int i = 0;
    while (i < seqs.size()) {
      int pid = seqs.get(i);
      int blp = 0;
      int j = i + 1;
      while (j < seqs.size()) {
        int d = SequenceNumbers.diff(seqs.get(j), pid);
        if (d < 0 || d > BITS) {
          break;
        }
        if (d > 0) {
          blp |= 1 << (d - 1);
        }
        j++;
      }
      if (out != null) {
        out.writeShort(pid);
        out.writeShort(blp);
      }
      items++;
      i = j;
    }
    return items;
  }

  /** Parses the packet at {@code index} of {@code length} bytes; null when truncated. */
  static GenericNack parse(ByteBuf buf, int index, int length) {
    if (length < RtcpHeader.FEEDBACK_HEADER_LENGTH) {
      return null;
    }
    int items = (length - RtcpHeader.FEEDBACK_HEADER_LENGTH) / FCI_LENGTH;
    List<Integer> lost = new ArrayList<>(items * 2);
    for (int k = 0; k < items; k++) {
      int p = index + RtcpHeader.FEEDBACK_HEADER_LENGTH + FCI_LENGTH * k;
      int pid = buf.getUnsignedShort(p);
      int blp = buf.getUnsignedShort(p + 2);
      lost.add(pid);
      for (int bit = 0; bit < BITS; bit++) {
        if ((blp & (1 << bit)) != 0) {
          lost.add(SequenceNumbers.add(pid, bit + 1));
        }
      }
    }
    return new GenericNack(buf.getUnsignedInt(index + 4), buf.getUnsignedInt(index + 8), lost);
  }
}
