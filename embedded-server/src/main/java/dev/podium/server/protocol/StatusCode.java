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
