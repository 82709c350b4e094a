package dev.podium.server.protocol;

import java.util.Map;

/** Messages a client sends to the server. */
public sealed interface ClientMessage extends SignalMessage {

  /** Correlates the server's reply (status, answer, joined); may be null. */
  String requestId();

  /**
   * Authenticates the connection as one attendee. {@code resumeToken} (from an earlier {@link
   * ServerMessage.Joined}) resumes that session within 30 s of a dropped WebSocket, keeping its
   * media connection and presence.
   */
  record Join(
      String requestId,
      int protocolVersion,
      String joinToken,
      String resumeToken,
      Map<String, String> clientInfo)
      implements ClientMessage {}

  /**
   * An SDP offer for the attendee's one peer connection (first or renegotiation). {@code
   * videoBindings} maps the mids of the client's receive-only video m-lines to the source ids it
   * wants on them (from {@link ServerMessage.Sources}); the audio m-line always carries the
   * meeting's audio.
   */
  record Offer(String requestId, String sdp, Map<String, String> videoBindings)
      implements ClientMessage {}

  /** The attendee muted or unmuted its microphone; others are told. */
  record SetMute(String requestId, boolean muted) implements ClientMessage {}

  /**
   * A data message to the meeting: topic of 1–36 characters, payload (base64) of at most 2 KB
   * decoded, and an optional lifetime for which late joiners still receive it.
   */
  record SendData(String requestId, String topic, String data, Long lifetimeMs)
      implements ClientMessage {}

  /** Keep-alive; answered with {@link ServerMessage.Pong}. */
  record Ping(String requestId) implements ClientMessage {}

  /** Ends the session; the server answers with {@link ServerMessage.Ended} (LEFT). */
  record Leave(String requestId) implements ClientMessage {}
}
