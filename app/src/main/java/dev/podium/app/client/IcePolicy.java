package dev.podium.app.client;

/** How the peer connection gathers ICE candidates. */
public enum IcePolicy {
  /** {@link #LOOPBACK} when the SignalingUrl's host is a loopback address, else {@link #HOST}. */
  AUTO,
  /**
   * UDP on the any-address only (no adapter enumeration, no TCP/STUN/TURN), so a server on
   * 127.0.0.1 is reached from 127.0.0.1: libwebrtc gathers no loopback candidates by itself.
   */
  LOOPBACK,
  /** UDP host candidates of every adapter, no STUN/TURN (the Podium server is ICE-lite). */
  HOST
}
