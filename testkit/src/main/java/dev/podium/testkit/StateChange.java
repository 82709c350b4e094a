package dev.podium.testkit;

/**
 * One state change a {@link TestPeer} observed, in the order libwebrtc reported it.
 *
 * @param atNanos {@link System#nanoTime()} when the callback arrived
 * @param kind which state machine changed
 * @param state the new state's name (the webrtc-java enum constant), or an error text
 */
public record StateChange(long atNanos, Kind kind, String state) {

  /** The state machines a peer reports. */
  public enum Kind {
    /** RTCPeerConnectionState. */
    CONNECTION,
    /** RTCIceConnectionState (standardized). */
    ICE,
    /** RTCDtlsTransportState of the bundled transport. */
    DTLS,
    /** An error text reported by the DTLS transport. */
    DTLS_ERROR,
    /** RTCSignalingState. */
    SIGNALING,
    /** RTCIceGatheringState. */
    GATHERING
  }
}
