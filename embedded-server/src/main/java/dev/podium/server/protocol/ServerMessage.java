package dev.podium.server.protocol;

import java.util.List;

/** Messages the server sends to a client. */
public sealed interface ServerMessage extends SignalMessage {

  /** Identity of the meeting a session joined. */
  record MeetingInfo(String meetingId, String externalMeetingId, String primaryMeetingId) {}

  /** An attendee as others see it. */
  record AttendeeInfo(String attendeeId, String externalUserId, String role, boolean muted) {}

  /** A remote media source a client may receive (video tiles; Chime's remote video sources). */
  record SourceInfo(String sourceId, String attendeeId, String externalUserId, String kind) {}

  /** Join succeeded: who the client is, who is there, what can be received. */
  record Joined(
      String requestId,
      int protocolVersion,
      MeetingInfo meeting,
      AttendeeInfo self,
      String resumeToken,
      boolean resumed,
      boolean canStartLocalVideo,
      List<AttendeeInfo> attendees,
      List<SourceInfo> sources)
      implements ServerMessage {}

  /** The SDP answer to an {@link ClientMessage.Offer}. */
  record Answer(String requestId, String sdp) implements ServerMessage {}

  /** The full current list of remote sources (sent whenever it changes). */
  record Sources(List<SourceInfo> sources) implements ServerMessage {}

  /** States of attendee presence. */
  enum PresenceState {
    JOINED,
    LEFT,
    DROPPED
  }

  /** An attendee joined, left, or dropped (connection lost without leave). */
  record Presence(String attendeeId, String externalUserId, PresenceState state)
      implements ServerMessage {}

  /** An attendee's mute state changed. */
  record MuteState(String attendeeId, boolean muted) implements ServerMessage {}

  /** Volume (0–1) and signal strength (0–1) of attendees whose values changed. */
  record Volume(String attendeeId, double volume, double signalStrength, boolean muted) {}

  /** Changed volumes and the active-speaker order (loudest first). */
  record Volumes(List<Volume> updates, List<String> activeSpeakers) implements ServerMessage {}

  /** A data message from an attendee (payload base64). */
  record Data(
      String topic,
      String data,
      String senderAttendeeId,
      String senderExternalUserId,
      long timestampMs)
      implements ServerMessage {}

  /** Whether this attendee may start sending video now. */
  record VideoAvailability(boolean canStartLocalVideo) implements ServerMessage {}

  /**
   * The remote sources this client receives that the server has paused because its downlink is too
   * narrow for them (lower-priority tiles first); the full list, sent whenever it changes.
   */
  record VideoPaused(List<String> sourceIds) implements ServerMessage {}

  /** This connection is promoted into the primary meeting as {@code as}. */
  record Promoted(String requestId, AttendeeInfo as) implements ServerMessage {}

  /** This connection is a replica viewer again; {@code code} says why. */
  record Demoted(StatusCode code, String message) implements ServerMessage {}

  /** One raised hand, as hosts see it. */
  record Hand(String attendeeId, String externalUserId, String meetingId, long raisedAtMs) {}

  /** The raised-hand queue (hosts only), oldest first. */
  record HandQueue(List<Hand> hands) implements ServerMessage {}

  /**
   * Private to one replica viewer: a host brought it to the stage. The SDK promotes itself with
   * these primary credentials.
   */
  record StageInvitation(String primaryMeetingId, String attendeeId, String joinToken)
      implements ServerMessage {}

  /** Audience counts for hosts: replicas and connected viewers. */
  record Audience(int replicas, int viewers) implements ServerMessage {}

  /** The speaker of a transcript item (Chime's TranscriptItem.attendee). */
  record TranscriptSpeaker(String attendeeId, String externalUserId) {}

  /** One word or punctuation mark of a caption; {@code type} is pronunciation or punctuation. */
  record TranscriptItemInfo(
      String type,
      String content,
      long startTimeMs,
      long endTimeMs,
      TranscriptSpeaker attendee,
      Double confidence) {}

  /** One reading of a caption (the first is the best). */
  record TranscriptAlternativeInfo(String transcript, List<TranscriptItemInfo> items) {}

  /**
   * One caption in Chime's TranscriptResult shape: a partial result is updated in place (same
   * resultId) until the final one closes it.
   */
  record TranscriptResultInfo(
      String resultId,
      String channelId,
      boolean isPartial,
      long startTimeMs,
      long endTimeMs,
      List<TranscriptAlternativeInfo> alternatives) {}

  /** Live captions of the primary meeting (Chime's Transcript event). */
  record Transcript(List<TranscriptResultInfo> results) implements ServerMessage {}

  /** Captions started, stopped or failed (Chime's TranscriptionStatus event). */
  record TranscriptionStatus(String status, long eventTimeMs, String languageCode, String message)
      implements ServerMessage {}

  /** The outcome of a request (OK or why not). */
  record Status(String requestId, StatusCode code, String message) implements ServerMessage {}

  /** The server ends this session; the WebSocket closes after it. */
  record Ended(StatusCode code, String message) implements ServerMessage {}

  /** Answer to {@link ClientMessage.Ping}. */
  record Pong(String requestId) implements ServerMessage {}
}
