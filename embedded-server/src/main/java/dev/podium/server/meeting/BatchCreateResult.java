package dev.podium.server.meeting;

import java.util.List;

/** The result of a batch create: the attendees created and the items refused. */
public record BatchCreateResult(List<CreatedAttendee> attendees, List<AttendeeError> errors) {

  public BatchCreateResult {
    attendees = List.copyOf(attendees);
    errors = List.copyOf(errors);
  }
}
