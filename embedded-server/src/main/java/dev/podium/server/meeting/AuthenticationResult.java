package dev.podium.server.meeting;

/** The outcome of presenting a JoinToken for a meeting. */
public sealed interface AuthenticationResult
    permits AuthenticationResult.Authenticated, AuthenticationResult.Refused {

  /** The token belongs to a live attendee of the meeting. */
  record Authenticated(Attendee attendee, Meeting meeting) implements AuthenticationResult {}

  /** The token was refused, with the precise reason. */
  record Refused(AuthenticationFailure reason) implements AuthenticationResult {}
}
