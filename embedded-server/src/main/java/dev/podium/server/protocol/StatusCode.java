package dev.podium.server.protocol;

/**
 * Why the server refused a request or ended a session; stable names a client can show or act on
 * (modelled on the Chime client's MeetingSessionStatusCode).
 */
public enum StatusCode {
  OK(false),
  /** The message is not valid JSON or misses required fields. */
  BAD_REQUEST(false),
  /** The message's {@code type} is unknown to this server. */
  UNKNOWN_MESSAGE_TYPE(false),
  /** The client speaks a protocol version this server does not. */
  UNSUPPORTED_PROTOCOL_VERSION(true),
  /** A request other than join arrived before join succeeded. */
  NOT_JOINED(false),
  ALREADY_JOINED(false),
  /** The join token is unknown, revoked, or belongs to another meeting. */
  AUTHENTICATION_REJECTED(true),
  MEETING_NOT_FOUND(true),
  /** The meeting was deleted (or its primary was). */
  MEETING_ENDED(true),
  /** The meeting already has its maximum of connected attendees. */
  MEETING_AT_CAPACITY(true),
  /** DeleteAttendee revoked this attendee. */
  ATTENDEE_REMOVED(true),
  /** The same attendee joined from another connection; this one is closed. */
  JOINED_FROM_ANOTHER_CONNECTION(true),
  /** The SDP offer could not be parsed or negotiated. */
  SDP_REJECTED(false),
  /** A data message payload is larger than 2 KB. */
  DATA_MESSAGE_TOO_LARGE(false),
  /** A data message topic is empty, longer than 36 characters or has invalid characters. */
  DATA_MESSAGE_INVALID_TOPIC(false),
  /** Too many messages in a short time; the message was not delivered. */
  THROTTLED(false),
  /** This attendee may not send video now (replica viewer, or 25 senders already). */
  VIDEO_SEND_UNAVAILABLE(false),
  /** The meeting already has its maximum of content shares (one by default). */
  CONTENT_SHARE_UNAVAILABLE(false),
  /** Replica viewers cannot send media or data messages until promoted. */
  NOT_PERMITTED(false),
  /** Promotion refused: the credentials are unknown, revoked or malformed. */
  PROMOTION_REJECTED(false),
  /** Promotion refused: the credentials belong to a meeting other than this replica's primary. */
  PROMOTION_WRONG_PRIMARY(false),
  /** Promotion refused: the primary meeting has no room for another connected attendee. */
  PRIMARY_AT_CAPACITY(false),
  /** Promotion refused: this connection is already promoted. */
  ALREADY_PROMOTED(false),
  /** Only replica attendees can be promoted or demoted; a primary attendee cannot switch. */
  NOT_A_REPLICA_ATTENDEE(false),
  /** Demotion refused: this connection is not promoted. */
  NOT_PROMOTED(false),
  /** Demoted: the client asked to leave the stage. */
  DEMOTED_BY_CLIENT(false),
  /** Demoted: the primary credentials were deleted (DeleteAttendee) or a host sent it back. */
  DEMOTED_BY_SERVER(false),
  /** Demoted: the connection dropped; promote again with the same credentials. */
  DEMOTED_ON_DISCONNECT(false),
  /** Only attendees with the host role may do this. */
  NOT_A_HOST(false),
  /** No such attendee (or it is not in the hand queue / not a presenter). */
  ATTENDEE_NOT_FOUND(false),
  /** The server is shutting down. */
  SERVER_SHUTTING_DOWN(true),
  /** The attendee left (its own request). */
  LEFT(true),
  /** Something failed on the server; the message says what. */
  INTERNAL_ERROR(false);

  private final boolean terminal;

  StatusCode(boolean terminal) {
    this.terminal = terminal;
  }

  /** True if the server closes the session after sending this code. */
  public boolean isTerminal() {
    return terminal;
  }
}
