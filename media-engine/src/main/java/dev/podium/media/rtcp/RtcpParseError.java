package dev.podium.media.rtcp;

/** Why {@link RtcpCompound#parse} stopped early or skipped a packet; callers count drops by it. */
public enum RtcpParseError {
  /** Everything parsed. */
  NONE,
  /** The datagram was empty. */
  EMPTY,
  /** Fewer than 4 bytes left where a header should start; parsing stopped. */
  TRUNCATED_HEADER,
  /** A header with a version other than 2; parsing stopped. */
  BAD_VERSION,
  /** A length field pointing past the end of the datagram; parsing stopped. */
  LENGTH_BEYOND_BUFFER,
  /** The P bit set with a padding count of 0 or larger than the packet; parsing stopped. */
  BAD_PADDING,
  /** A well-framed packet whose body is truncated or inconsistent; it was skipped. */
  MALFORMED_PACKET
}
