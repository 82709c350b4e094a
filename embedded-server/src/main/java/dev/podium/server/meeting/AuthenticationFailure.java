package dev.podium.server.meeting;

/** Why a JoinToken was refused. */
public enum AuthenticationFailure {
  /** The meeting does not exist (never did, or was deleted). */
  MEETING_NOT_FOUND,
  /** No attendee ever had this token. */
  UNKNOWN_TOKEN,
  /** The token belongs to an attendee of another meeting. */
  WRONG_MEETING,
  /** The token's attendee was deleted (alone or with its meeting): the token is revoked. */
  ATTENDEE_DELETED
}
