package dev.podium.media.rtcp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits and joins compound RTCP datagrams (RFC 3550 §6.1): a sequence of packets each framed by
 * its own length field. Parsing never throws: framing errors stop it and a packet whose body is
 * malformed is skipped; either way the result says why.
 */
public final class RtcpCompound {
  private RtcpCompound() {}

  /** Parses the readable bytes of {@code buf} without moving its indices. */
  public static RtcpParseResult parse(ByteBuf buf) {
    List<RtcpPacket> packets = new ArrayList<>(4);
    int index = buf.readerIndex();
    int end = buf.writerIndex();
    if (index >= end) {
      return new RtcpParseResult(packets, RtcpParseError.EMPTY);
    }
    RtcpParseError error = RtcpParseError.NONE;
    while (index < end) {
      if (end - index < RtcpHeader.LENGTH) {
        return new RtcpParseResult(packets, RtcpParseError.TRUNCATED_HEADER);
      }
      int first = buf.getUnsignedByte(index);
      if ((first >>> 6) != 2) {
        return new RtcpParseResult(packets, RtcpParseError.BAD_VERSION);
      }
      int total = (buf.getUnsignedShort(index + 2) + 1) * 4;
      if (total > end - index) {
        return new RtcpParseResult(packets, RtcpParseError.LENGTH_BEYOND_BUFFER);
      }
      int length = total;
      if ((first & 0x20) != 0) {
        int padding = buf.getUnsignedByte(index + total - 1);
        if (padding == 0 || padding > total - RtcpHeader.LENGTH) {
          return new RtcpParseResult(packets, RtcpParseError.BAD_PADDING);
        }
        length -= padding;
      }
      int packetType = buf.getUnsignedByte(index + 1);
      RtcpPacket packet = parseOne(buf, index, length, total, first & 0x1F, packetType);
      if (packet != null) {
        packets.add(packet);
      } else if (error == RtcpParseError.NONE) {
        error = RtcpParseError.MALFORMED_PACKET;
      }
      index += total;
    }
    return new RtcpParseResult(packets, error);
  }

  /**
   * Decodes one framed packet: {@code length} excludes padding, {@code total} includes it. Unknown
   * types are kept whole as {@link UnknownRtcpPacket}; null when a known type is malformed.
   */
  private static RtcpPacket parseOne(
      ByteBuf buf, int index, int length, int total, int countOrFormat, int packetType) {
    switch (packetType) {
      case RtcpHeader.SENDER_REPORT:
        return SenderReport.parse(buf, index, length, countOrFormat);
      case RtcpHeader.RECEIVER_REPORT:
        return ReceiverReport.parse(buf, index, length, countOrFormat);
      case RtcpHeader.SOURCE_DESCRIPTION:
        return SourceDescription.parse(buf, index, length, countOrFormat);
      case RtcpHeader.BYE:
        return Bye.parse(buf, index, length, countOrFormat);
      case RtcpHeader.TRANSPORT_FEEDBACK:
        if (countOrFormat == GenericNack.FORMAT) {
          return GenericNack.parse(buf, index, length);
        }
        if (countOrFormat == TransportLayerCc.FORMAT) {
          return TransportLayerCc.parse(buf, index, length);
        }
        break;
      case RtcpHeader.PAYLOAD_FEEDBACK:
        if (countOrFormat == PictureLossIndication.FORMAT) {
          return PictureLossIndication.parse(buf, index, length);
        }
        if (countOrFormat == FullIntraRequest.FORMAT) {
          return FullIntraRequest.parse(buf, index, length);
        }
        if (countOrFormat == ReceiverEstimatedMaxBitrate.FORMAT
            && ReceiverEstimatedMaxBitrate.isRemb(buf, index, length)) {
          return ReceiverEstimatedMaxBitrate.parse(buf, index, length);
        }
        break;
      default:
        break;
    }
    return UnknownRtcpPacket.copyOf(buf, index, total);
  }

  /** Writes {@code packets} back to back into a new buffer from {@code alloc} (caller owns it). */
  public static ByteBuf write(List<? extends RtcpPacket> packets, ByteBufAllocator alloc) {
    int length = 0;
    for (RtcpPacket packet : packets) {
      length += packet.length();
    }
    ByteBuf out = alloc.buffer(length);
    for (RtcpPacket packet : packets) {
      packet.writeTo(out);
    }
    return out;
  }
}
