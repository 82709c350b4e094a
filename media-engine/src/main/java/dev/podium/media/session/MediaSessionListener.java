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

  /** The source on receive m-line {@code mid} is now forwarded at simulcast layer {@code layer}. */
  default void onConsumerLayerChanged(MediaSession session, String mid, int layer) {}

  /**
   * The client's bandwidth allocator paused ({@code paused} true) or resumed the source on receive
   * m-line {@code mid}; the client should be told (its tile shows "paused", not frozen).
   */
  default void onConsumerPausedByBandwidth(MediaSession session, String mid, boolean paused) {}
}
