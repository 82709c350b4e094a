package dev.podium.server.transcription;

import java.util.Objects;

/**
 * The speaker of a {@link TranscriptItem}, as Chime's transcript {@code Attendee}.
 *
 * @param attendeeId the meeting's attendee id
 * @param externalUserId the application's id for the user, or null
 */
public record TranscriptAttendee(String attendeeId, String externalUserId) {
  public TranscriptAttendee {
    Objects.requireNonNull(attendeeId, "attendeeId");
  }
}
