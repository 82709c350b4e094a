package dev.podium.media.sdp;

import java.util.Objects;

/**
 * A stream the server sends on an m-line: SSRC, RTX SSRC (0 when none), the RTCP CNAME (RFC 7022)
 * and the msid stream and track ids (RFC 8830) the client will see.
 */
public record OutgoingStream(
    long ssrc, long rtxSsrc, String cname, String streamId, String trackId) {

  /** Validates SSRCs (32-bit, primary non-zero) and the ids (non-empty, no spaces). */
  public OutgoingStream {
    if (ssrc < 1 || ssrc > 0xFFFF_FFFFL || rtxSsrc < 0 || rtxSsrc > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("SSRC out of range");
    }
    if (rtxSsrc == ssrc) {
      throw new IllegalArgumentException("RTX SSRC equals the primary SSRC");
    }
    requireToken(cname, "cname");
    requireToken(streamId, "streamId");
    requireToken(trackId, "trackId");
  }

  private static void requireToken(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isEmpty() || value.chars().anyMatch(c -> c <= ' ')) {
      throw new IllegalArgumentException(name + " must be a non-empty token: '" + value + "'");
    }
  }
}
