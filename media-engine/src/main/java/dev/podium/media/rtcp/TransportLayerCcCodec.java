package dev.podium.media.rtcp;

import dev.podium.media.rtcp.TransportLayerCc.PacketStatus;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * Wire format of transport-cc feedback (draft-holmer-rmcat-transport-wide-cc-extensions-01 §3.1):
 * packet status chunks and receive deltas.
 *
 * <pre>
 * run-length chunk:      0 | S(2) | run length(13)           S: 00 not received, 01 small delta,
 * status vector, 1-bit:  1 | 0 | 14 × symbol(1)                 10 large or negative delta,
 * status vector, 2-bit:  1 | 1 |  7 × symbol(2)                 11 reserved
 * small delta: 1 byte unsigned, large delta: 2 bytes signed, both in 250 µs units
 * </pre>
 */
final class TransportLayerCcCodec {
  /** Feedback header + base seq (2) + status count (2) + reference time (3) + fb pkt count (1). */
  static final int FIXED_LENGTH = 20;

  private static final int NOT_RECEIVED = 0;
  private static final int SMALL_DELTA = 1;
  private static final int LARGE_DELTA = 2;
  private static final int MAX_RUN = 0x1FFF;
  private static final int ONE_BIT_CAPACITY = 14;
  private static final int TWO_BIT_CAPACITY = 7;

  private TransportLayerCcCodec() {}

  static int unpaddedLength(TransportLayerCc feedback) {
    int[] symbols = symbols(feedback.packets());
    return FIXED_LENGTH + 2 * encodeChunks(symbols, null) + deltaBytes(symbols);
  }

  static void write(TransportLayerCc feedback, ByteBuf out) {
    int[] symbols = symbols(feedback.packets());
    int unpadded = FIXED_LENGTH + 2 * encodeChunks(symbols, null) + deltaBytes(symbols);
    int total = RtcpHeader.padTo4(unpadded);
    int padding = total - unpadded;
    // Like libwebrtc, pad with the P bit and a count octet so parsers strip it (RFC 3550 §6.4.1).
    RtcpHeader.write(
        out, padding > 0, TransportLayerCc.FORMAT, RtcpHeader.TRANSPORT_FEEDBACK, total);
    out.writeInt((int) feedback.senderSsrc());
    out.writeInt((int) feedback.mediaSsrc());
    out.writeShort(feedback.baseSequence());
    out.writeShort(symbols.length);
    out.writeMedium(feedback.referenceTime());
    out.writeByte(feedback.feedbackPacketCount());
    encodeChunks(symbols, out);
    List<PacketStatus> packets = feedback.packets();
    for (int i = 0; i < symbols.length; i++) {
      int ticks = (int) (packets.get(i).deltaMicros() / TransportLayerCc.DELTA_TICK_MICROS);
      if (symbols[i] == SMALL_DELTA) {
        out.writeByte(ticks);
      } else if (symbols[i] == LARGE_DELTA) {
        out.writeShort(ticks);
      }
    }
    if (padding > 0) {
      out.writeZero(padding - 1);
      out.writeByte(padding);
    }
  }

  private static int[] symbols(List<PacketStatus> packets) {
    int[] symbols = new int[packets.size()];
    for (int i = 0; i < symbols.length; i++) {
      PacketStatus status = packets.get(i);
      long ticks = status.deltaMicros() / TransportLayerCc.DELTA_TICK_MICROS;
      symbols[i] =
          !status.received()
              ? NOT_RECEIVED
              : ticks >= 0 && ticks <= 255 ? SMALL_DELTA : LARGE_DELTA;
    }
    return symbols;
  }

  private static int deltaBytes(int[] symbols) {
    int bytes = 0;
    for (int symbol : symbols) {
      bytes += symbol == SMALL_DELTA ? 1 : symbol == LARGE_DELTA ? 2 : 0;
    }
    return bytes;
  }

  /**
   * Greedy chunking: long runs as run-length chunks, stretches of lost/small symbols as 1-bit
   * vectors, the rest as 2-bit vectors. Writes to {@code out} when not null; returns the count.
   */
  private static int encodeChunks(int[] symbols, ByteBuf out) {
    int chunks = 0;
    int i = 0;
    while (i < symbols.length) {
      int run = 1;
      while (i + run < symbols.length && symbols[i + run] == symbols[i] && run < MAX_RUN) {
        run++;
      }
      int span = Math.min(ONE_BIT_CAPACITY, symbols.length - i);
      boolean oneBitFits = true;
      for (int k = 0; k < span; k++) {
        oneBitFits &= symbols[i + k] <= SMALL_DELTA;
      }
      int chunk;
      if (run >= ONE_BIT_CAPACITY || (!oneBitFits && run >= TWO_BIT_CAPACITY)) {
        chunk = (symbols[i] << 13) | run;
        i += run;
      } else if (oneBitFits) {
        chunk = 0x8000;
        for (int k = 0; k < span; k++) {
          chunk |= symbols[i + k] << (13 - k);
        }
        i += span;
      } else {
        span = Math.min(TWO_BIT_CAPACITY, symbols.length - i);
        chunk = 0xC000;
        for (int k = 0; k < span; k++) {
          chunk |= symbols[i + k] << (12 - 2 * k);
        }
        i += span;
      }
      if (out != null) {
        out.writeShort(chunk);
      }
      chunks++;
    }
    return chunks;
  }

  static TransportLayerCc parse(ByteBuf buf, int index, int length) {
    if (length < FIXED_LENGTH) {
      return null;
    }
    int end = index + length;
    int base = buf.getUnsignedShort(index + 12);
    int count = buf.getUnsignedShort(index + 14);
    int[] symbols = new int[count];
    int filled = 0;
    int p = index + FIXED_LENGTH;
    while (filled < count) {
      if (p + 2 > end) {
        return null;
      }
      int chunk = buf.getUnsignedShort(p);
      p += 2;
      if ((chunk & 0x8000) == 0) {
        int symbol = (chunk >>> 13) & 3;
        for (int k = 0; k < (chunk & MAX_RUN) && filled < count; k++) {
          symbols[filled++] = symbol;
        }
      } else if ((chunk & 0x4000) == 0) {
        for (int k = 0; k < ONE_BIT_CAPACITY && filled < count; k++) {
          symbols[filled++] = (chunk >>> (13 - k)) & 1;
        }
      } else {
        for (int k = 0; k < TWO_BIT_CAPACITY && filled < count; k++) {
          symbols[filled++] = (chunk >>> (12 - 2 * k)) & 3;
        }
      }
    }
    List<PacketStatus> packets = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int seq = (base + i) & 0xFFFF;
      long ticks;
      switch (symbols[i]) {
        case NOT_RECEIVED -> {
          packets.add(PacketStatus.lost(seq));
          continue;
        }
        case SMALL_DELTA -> {
          if (p + 1 > end) {
            return null;
          }
          ticks = buf.getUnsignedByte(p);
          p += 1;
        }
        case LARGE_DELTA -> {
          if (p + 2 > end) {
            return null;
          }
          ticks = buf.getShort(p);
          p += 2;
        }
        default -> {
          return null; // symbol 11 is reserved
        }
      }
      packets.add(new PacketStatus(seq, true, ticks * TransportLayerCc.DELTA_TICK_MICROS));
    }
    return new TransportLayerCc(
        buf.getUnsignedInt(index + 4),
        buf.getUnsignedInt(index + 8),
        base,
        buf.getMedium(index + 16),
        buf.getUnsignedByte(index + 19),
        packets);
  }
}
