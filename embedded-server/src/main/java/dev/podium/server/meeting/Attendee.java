package dev.podium.server.meeting;

import java.util.Objects;

/** An attendee of one meeting. Its JoinToken is not part of it: only the token's hash is kept. */
public record Attendee(
    AttendeeId attendeeId,
    MeetingId meetingId,
    String externalUserId,
    Capabilities capabilities,
    AttendeeRole role) {

  public Attendee {
    Objects.requireNonNull(attendeeId, "attendeeId");
    Objects.requireNonNull(meetingId, "meetingId");
    Objects.requireNonNull(externalUserId, "externalUserId");
    Objects.requireNonNull(capabilities, "capabilities");
    Objects.requireNonNull(role, "role");
  }

  /** The same attendee with other capabilities. */
  public Attendee withCapabilities(Capabilities newCapabilities) {
    return new Attendee(attendeeId, meetingId, externalUserId, newCapabilities, role);
  }
}
