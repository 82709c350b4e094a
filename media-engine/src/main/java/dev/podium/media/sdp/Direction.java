package dev.podium.media.sdp;

import java.util.Locale;

/** A media direction attribute (RFC 8866 section 6.7; JSEP RFC 8829 section 5.3.1). */
public enum Direction {
  SENDRECV,
  SENDONLY,
  RECVONLY,
  INACTIVE;

  /** The attribute name as written in SDP, e.g. {@code sendonly}. */
  public String sdpName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether the side that wrote this attribute sends media. */
  public boolean sends() {
    return this == SENDRECV || this == SENDONLY;
  }

  /** Whether the side that wrote this attribute receives media. */
  public boolean receives() {
    return this == SENDRECV || this == RECVONLY;
  }

  /** The direction with the given send and receive flags. */
  public static Direction of(boolean sends, boolean receives) {
    if (sends) {
      return receives ? SENDRECV : SENDONLY;
    }
    return receives ? RECVONLY : INACTIVE;
  }

  static Direction fromSdp(String token) {
    for (Direction direction : values()) {
      if (direction.sdpName().equals(token)) {
        return direction;
      }
    }
    return null;
  }
}
