package dev.podium.media.sdp;

/** The direction of an {@code a=rid} line (RFC 8851 section 10). */
public enum RidDirection {
  SEND,
  RECV;

  /** The token as written in SDP. */
  public String sdpName() {
    return this == SEND ? "send" : "recv";
  }
}
