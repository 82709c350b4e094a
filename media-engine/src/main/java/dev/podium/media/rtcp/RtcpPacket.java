package dev.podium.media.rtcp;

import io.netty.buffer.ByteBuf;

/**
 * One RTCP packet of a compound datagram (RFC 3550 §6.1, RFC 4585 §6.1 for feedback). SSRCs and
 * other unsigned 32-bit fields are carried in {@code long}s. Parse with {@link RtcpCompound}.
 */
public sealed interface RtcpPacket
    permits SenderReport,
        ReceiverReport,
        SourceDescription,
        Bye,
        PictureLossIndication,
        FullIntraRequest,
        GenericNack,
        ReceiverEstimatedMaxBitrate,
        TransportLayerCc,
        UnknownRtcpPacket {

  /** Bytes this packet occupies on the wire, header included; always a multiple of 4. */
  int length();

  /** Appends exactly {@link #length()} bytes to {@code out}. */
  void writeTo(ByteBuf out);
}
