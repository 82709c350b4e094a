package dev.podium.media.rtcp;

import dev.podium.media.rtp.SequenceNumbers;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * Transport-wide congestion control feedback, PT 205 FMT 15
 * (draft-holmer-rmcat-transport-wide-cc-extensions-01 §3.1), in decoded form: one {@link
 * PacketStatus} per transport-wide sequence number from {@code baseSequence} on.
 *
 * <p>Each received packet carries its receive delta in microseconds: for the first received packet
 * relative to the reference time ({@code referenceTime} × 64 ms), for the others relative to the
 * previous received packet. Deltas are multiples of 250 µs between -8,192,000 and 8,191,750 µs; a
 * delta of 0..63,750 µs is sent as a 1-byte "small" delta, anything else as a 2-byte one. The chunk
 * encoding (run-length, 1-bit and 2-bit status vectors) is chosen when writing.
 */
public record TransportLayerCc(
    long senderSsrc,
    long mediaSsrc,
    int baseSequence,
    int referenceTime,
    int feedbackPacketCount,
    List<TransportLayerCc.PacketStatus> packets)
    implements RtcpPacket {
  static final int FORMAT = 15;

  /** Wire unit of receive deltas. */
  public static final int DELTA_TICK_MICROS = 250;

  /** Wire unit of the reference time. */
  public static final int REFERENCE_TIME_MICROS = 64_000;

  /** Marks a packet that did not arrive in {@link #fromArrivals}. */
  public static final long NOT_RECEIVED = -1;

  /** Status of one transport-wide sequence number; {@code deltaMicros} is 0 when not received. */
  public record PacketStatus(int sequence, boolean received, long deltaMicros) {
    public PacketStatus {
      sequence &= 0xFFFF;
      if (!received) {
        deltaMicros = 0;
      } else if (deltaMicros % DELTA_TICK_MICROS != 0
          || deltaMicros < Short.MIN_VALUE * (long) DELTA_TICK_MICROS
          || deltaMicros > Short.MAX_VALUE * (long) DELTA_TICK_MICROS) {
        throw new IllegalArgumentException("receive delta not encodable: " + deltaMicros + " µs");
      }
    }

    /** A packet that was not received. */
    public static PacketStatus lost(int sequence) {
      return new PacketStatus(sequence, false, 0);
    }
  }

  public TransportLayerCc {
    baseSequence &= 0xFFFF;
    referenceTime = (referenceTime << 8) >> 8;
    feedbackPacketCount &= 0xFF;
    packets = List.copyOf(packets);
    if (packets.size() > 0xFFFF) {
      throw new IllegalArgumentException("more than 65535 packet statuses");
    }
    for (int i = 0; i < packets.size(); i++) {
      if (packets.get(i).sequence() != SequenceNumbers.add(baseSequence, i)) {
        throw new IllegalArgumentException("statuses must run consecutively from base sequence");
      }
    }
  }

  /**
   * Builds feedback for consecutive sequence numbers from {@code baseSequence}, given each packet's
   * arrival time in microseconds on the receiver's clock (or {@link #NOT_RECEIVED}). Arrival times
   * are quantised to 250 µs on an absolute grid, so rounding does not accumulate across packets.
   * Throws if two consecutive arrivals lie more than ~8 s apart: split the feedback instead.
   */
  public static TransportLayerCc fromArrivals(
      long senderSsrc,
      long mediaSsrc,
      int feedbackPacketCount,
      int baseSequence,
      long[] arrivalMicros) {
    long reference = 0;
    for (long arrival : arrivalMicros) {
      if (arrival != NOT_RECEIVED) {
        reference = Math.floorDiv(arrival, REFERENCE_TIME_MICROS);
        break;
      }
    }
    long previousTick = reference * (REFERENCE_TIME_MICROS / DELTA_TICK_MICROS);
    List<PacketStatus> statuses = new ArrayList<>(arrivalMicros.length);
    for (int i = 0; i < arrivalMicros.length; i++) {
      int seq = SequenceNumbers.add(baseSequence, i);
      if (arrivalMicros[i] == NOT_RECEIVED) {
        statuses.add(PacketStatus.lost(seq));
        continue;
      }
      long tick = Math.floorDiv(arrivalMicros[i], DELTA_TICK_MICROS);
      statuses.add(new PacketStatus(seq, true, (tick - previousTick) * DELTA_TICK_MICROS));
      previousTick = tick;
    }
    return new TransportLayerCc(
        senderSsrc, mediaSsrc, baseSequence, (int) reference, feedbackPacketCount, statuses);
  }

  /** The reference time in microseconds (it wraps every 2^24 × 64 ms). */
  public long referenceTimeMicros() {
    return (long) referenceTime * REFERENCE_TIME_MICROS;
  }

  @Override
  public int length() {
    return RtcpHeader.padTo4(TransportLayerCcCodec.unpaddedLength(this));
  }

  @Override
  public void writeTo(ByteBuf out) {
    TransportLayerCcCodec.write(this, out);
  }

  /** Parses the packet at {@code index} of {@code length} bytes; null when malformed. */
  static TransportLayerCc parse(ByteBuf buf, int index, int length) {
    return TransportLayerCcCodec.parse(buf, index, length);
  }
}
