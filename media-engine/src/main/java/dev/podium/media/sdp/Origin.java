package dev.podium.media.sdp;

/** The {@code o=} line (RFC 8866 section 5.2); the session id is kept as text (up to 2^64). */
public record Origin(
    String username,
    String sessionId,
    long sessionVersion,
    String netType,
    String addressType,
    String address) {

  /** Writes the value part of the {@code o=} line. */
  String toSdpValue() {
    return username
        + " "
        + sessionId
        + " "
        + sessionVersion
        + " "
        + netType
        + " "
        + addressType
        + " "
        + address;
  }
}
