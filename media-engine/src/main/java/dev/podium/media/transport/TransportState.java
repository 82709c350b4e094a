package dev.podium.media.transport;

/** Life cycle of a {@link WebRtcTransport}. */
public enum TransportState {
  /** Created; the remote SDP parameters are not known yet. */
  NEW,
  /** ICE checks and DTLS handshake under way. */
  CONNECTING,
  /** DTLS done, SRTP keys in place: media flows. */
  CONNECTED,
  /** Closed by either side, by consent expiry or by a failed handshake. */
  CLOSED
}
