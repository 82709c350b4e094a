package dev.podium.server.meeting;

import java.util.Objects;

/**
 * An attendee as persisted: with its creation sequence (ListAttendees order), its token hash and
 * whether it was deleted (a deleted attendee's hash stays, so its token is reported revoked).
 */
public record StoredAttendee(
    Attendee attendee, long sequence, TokenHash tokenHash, boolean deleted) {

  public StoredAttendee {
    Objects.requireNonNull(attendee, "attendee");
    Objects.requireNonNull(tokenHash, "tokenHash");
  }
}
