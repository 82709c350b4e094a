package dev.podium.server.meeting;

/** The kinds of control-plane refusal; the API maps each to one HTTP status and error code. */
public enum MeetingErrorKind {
  /** The request is malformed or breaks a rule (400). */
  BAD_REQUEST,
  /** The meeting or attendee does not exist (404). */
  NOT_FOUND,
  /** The caller may not do this, e.g. a wrong audience passcode (403). */
  FORBIDDEN,
  /** The request clashes with existing state (409). */
  CONFLICT,
  /** A configured limit is reached (429 LimitExceeded). */
  LIMIT_EXCEEDED,
  /** The store failed or the service is stopping (503). */
  UNAVAILABLE
}
