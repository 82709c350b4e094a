package dev.podium.server.meeting;

import java.util.Objects;

/**
 * A newly created attendee with its JoinToken. This is the only time the token exists in clear:
 * hand it to one client and forget it. {@link #toString()} never shows it.
 */
public record CreatedAttendee(Attendee attendee, String joinToken) {

  public CreatedAttendee {
    Objects.requireNonNull(attendee, "attendee");
    Objects.requireNonNull(joinToken, "joinToken");
  }

  @Override
  public String toString() {
    return "CreatedAttendee[attendee=" + attendee + ", joinToken=<redacted>]";
  }
}
