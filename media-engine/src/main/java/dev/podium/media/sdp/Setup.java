package dev.podium.media.sdp;

import java.util.Locale;

/** The {@code a=setup} role of the DTLS connection (RFC 4145 section 4, RFC 8842). */
public enum Setup {
  ACTIVE,
  PASSIVE,
  ACTPASS,
  HOLDCONN;

  /** The value as written in SDP, e.g. {@code passive}. */
  public String sdpName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Setup fromSdp(String token) {
    for (Setup setup : values()) {
      if (setup.sdpName().equals(token)) {
        return setup;
      }
    }
    return null;
  }
}
