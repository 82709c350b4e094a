package dev.podium.app.meeting;

/** How the meeting connection is doing, as the UI shows it. */
public enum ConnectionState {
  /** Joining for the first time. */
  CONNECTING,
  /** Joined; media flows. */
  GOOD,
  /** Joined, but media is interrupted (ICE disconnected). */
  POOR,
  /** The signaling connection dropped; the SDK is retrying. */
  RECONNECTING,
  /** The session ended. */
  ENDED
}
