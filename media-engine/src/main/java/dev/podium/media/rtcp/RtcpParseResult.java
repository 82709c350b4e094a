package dev.podium.media.rtcp;

import java.util.List;

/**
 * Outcome of parsing an RTCP compound datagram: the packets decoded before any framing error, and
 * the first error met ({@link RtcpParseError#NONE} when all went well).
 */
public record RtcpParseResult(List<RtcpPacket> packets, RtcpParseError error) {

  public RtcpParseResult {
    packets = List.copyOf(packets);
  }

  /** True when the whole datagram parsed cleanly. */
  public boolean isOk() {
    return error == RtcpParseError.NONE;
  }
}
