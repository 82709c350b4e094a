package dev.podium.media.rtcp;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An RTCP packet Podium does not decode (APP, XR, other feedback formats...), kept byte for byte,
 * header and any padding included, so a compound packet can be forwarded unchanged (RFC 3550 §6.1).
 */
public record UnknownRtcpPacket(byte[] bytes) implements RtcpPacket {

  public UnknownRtcpPacket {
    if (bytes.length < RtcpHeader.LENGTH || bytes.length % 4 != 0) {
      throw new IllegalArgumentException("RTCP packet length must be a positive multiple of 4");
    }
    bytes = bytes.clone();
  }

  /** The packet type octet (RFC 3550 §6.4.1 "PT"). */
  public int packetType() {
    return bytes[1] & 0xFF;
  }

  /** The 5-bit count or feedback message type (FMT). */
  public int countOrFormat() {
    return bytes[0] & 0x1F;
  }

  /** A copy of the packet's bytes. */
  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public int length() {
    return bytes.length;
  }

  @Override
  public void writeTo(ByteBuf out) {
    out.writeBytes(bytes);
  }

  static UnknownRtcpPacket copyOf(ByteBuf buf, int index, int length) {
    byte[] bytes = new byte[length];
    buf.getBytes(index, bytes);
    return new UnknownRtcpPacket(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UnknownRtcpPacket other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "UnknownRtcpPacket[" + HexFormat.of().formatHex(bytes) + "]";
  }
}
