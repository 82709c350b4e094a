package dev.podium.media.sdp;

import java.util.Locale;

/** The media type of an {@code m=} line (RFC 8866 section 5.14). */
public enum MediaKind {
  AUDIO,
  VIDEO,
  TEXT,
  APPLICATION,
  MESSAGE;

  /** The token as written in SDP, e.g. {@code audio}. */
  public String sdpName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses an SDP media token; returns null when unknown. */
  static MediaKind fromSdp(String token) {
    for (MediaKind kind : values()) {
      if (kind.sdpName().equals(token)) {
        return kind;
      }
    }
    return null;
  }
}
