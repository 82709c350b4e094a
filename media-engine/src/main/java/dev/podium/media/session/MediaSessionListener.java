package dev.podium.media.session;

/** Events of one {@link MediaSession}, called on the media event loop; must not block. */
public interface MediaSessionListener {
  /** ICE and DTLS are up: media flows. */
  default void onSessionConnected(MediaSession session) {}

  /** The connection is gone (peer closed, consent expired, handshake failed, or closed here). */
  default void onSessionClosed(MediaSession session, String reason) {}

  /**
   * A source this session received on {@code mid} closed (its publisher left); the client should
   * renegotiate that m-line away or bind it to another source.
   */
  default void onConsumerClosed(MediaSession session, String mid) {}
}
