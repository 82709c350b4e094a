package dev.podium.server.protocol;

import java.util.List;
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
   * meeting's audio. {@code contentMids} (optional) names the client's sending m-lines that carry a
   * content share (a screen or a file: video, and optional content audio) rather than its camera
   * and microphone.
   */
  record Offer(
      String requestId, String sdp, Map<String, String> videoBindings, List<String> contentMids)
      implements ClientMessage {

    /** An offer without content share m-lines. */
    public Offer(String requestId, String sdp, Map<String, String> videoBindings) {
      this(requestId, sdp, videoBindings, null);
    }
  }

  /**
   * What the client wants of the remote video sources it receives: per source its priority (lower
   * is more important), the rendered tile size in pixels (0: no limit) and whether it paused the
   * source itself. Applied to the receive m-lines bound to those sources, now and after later
   * offers; answered with a status.
   */
  record VideoPreferences(String requestId, List<VideoPreference> preferences)
      implements ClientMessage {}

  /** One entry of {@link VideoPreferences}. */
  record VideoPreference(
      String sourceId, int priority, int maxWidth, int maxHeight, boolean paused) {}

  /** The attendee muted or unmuted its microphone; others are told. */
  record SetMute(String requestId, boolean muted) implements ClientMessage {}

  /**
   * A data message to the meeting: topic of 1–36 characters, payload (base64) of at most 2 KB
   * decoded, and an optional lifetime for which late joiners still receive it.
   */
  record SendData(String requestId, String topic, String data, Long lifetimeMs)
      implements ClientMessage {}

  /**
   * A replica attendee presents credentials of an attendee of the replica's primary meeting to be
   * promoted over this same connection; answered with a status (OK or why not).
   */
  record Promote(String requestId, String joinToken) implements ClientMessage {}

  /** A promoted attendee goes back to being a replica viewer. */
  record Demote(String requestId) implements ClientMessage {}

  /** A replica attendee raises or lowers its hand; hosts see the queue. */
  record RaiseHand(String requestId, boolean raised) implements ClientMessage {}

  /**
   * Host actions on another attendee: {@code bring-to-stage} (a raised hand), {@code dismiss} (a
   * raised hand), {@code send-back} (demote a promoted attendee), {@code mute}, {@code remove} (a
   * presenter).
   */
  record HostAction(String requestId, String action, String attendeeId) implements ClientMessage {}

  /** Keep-alive; answered with {@link ServerMessage.Pong}. */
  record Ping(String requestId) implements ClientMessage {}

  /** Ends the session; the server answers with {@link ServerMessage.Ended} (LEFT). */
  record Leave(String requestId) implements ClientMessage {}
}
