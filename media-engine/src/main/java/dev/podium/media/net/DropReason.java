package dev.podium.media.net;

/** Why the media plane dropped a datagram or packet; each reason has its own counter. */
public enum DropReason {
  /** First byte matches no protocol of RFC 7983 (or the datagram is too short to tell). */
  UNKNOWN_PROTOCOL("unknown_protocol"),
  /** STUN that does not parse, or is not a binding request. */
  MALFORMED_STUN("malformed_stun"),
  /** STUN binding request whose USERNAME or MESSAGE-INTEGRITY does not match a connection. */
  BAD_STUN_CREDENTIALS("bad_stun_credentials"),
  /** DTLS, RTP or RTCP from an address that passed no ICE check. */
  UNBOUND_ADDRESS("unbound_address"),
  /** SRTP/SRTCP arrived before DTLS produced keys and the early buffer was full or expired. */
  NOT_CONNECTED("not_connected"),
  /** SRTP or SRTCP authentication tag did not verify. */
  SRTP_AUTH_FAILED("srtp_auth_failed"),
  /** SRTP or SRTCP index already seen or too old (RFC 3711 §3.3.2). */
  SRTP_REPLAY("srtp_replay"),
  /** RTP or RTCP that does not parse after decryption, or SRTP too short. */
  MALFORMED_RTP("malformed_rtp"),
  /** RTP whose SSRC, MID and RID match no producer of the connection. */
  UNKNOWN_SOURCE("unknown_source"),
  /** RTP that the connection is not allowed to send (e.g. a non-promoted replica viewer). */
  NOT_PERMITTED("not_permitted"),
  /** RTX or padding-only packets that the router does not use. */
  UNUSED_RETRANSMISSION("unused_retransmission"),
  /** Outgoing packet that could not be protected or sent. */
  SEND_FAILED("send_failed");

  private final String metricName;

  DropReason(String metricName) {
    this.metricName = metricName;
  }

  /** The label used for this reason in metrics, e.g. {@code srtp_auth_failed}. */
  public String metricName() {
    return metricName;
  }
}
