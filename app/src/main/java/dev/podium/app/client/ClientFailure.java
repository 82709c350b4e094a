package dev.podium.app.client;

/** Why the SDK itself (not the server) failed or refused something. */
public enum ClientFailure {
  /** The signaling server could not be reached or the WebSocket handshake failed. */
  SIGNALING_UNREACHABLE,
  /** The server's TLS certificate did not match the pinned SHA-256 fingerprint. */
  CERTIFICATE_REJECTED,
  /** The WebSocket dropped and could not be resumed within the server's resume window. */
  RECONNECT_FAILED,
  /** Creating, applying or exchanging SDP failed. */
  NEGOTIATION_FAILED,
  /** The server did not answer in time. */
  TIMED_OUT,
  /** The request is not connected to the server right now (e.g. while reconnecting). */
  NOT_CONNECTED,
  /** The server does not offer this feature yet (e.g. promotion, raise hand). */
  NOT_SUPPORTED_BY_SERVER,
  /** A local device (camera, audio module) could not be used. */
  DEVICE_FAILED,
  /** The session was stopped by the application. */
  SESSION_STOPPED
}
