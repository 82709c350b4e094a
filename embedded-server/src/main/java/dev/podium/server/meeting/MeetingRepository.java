package dev.podium.server.meeting;

import java.util.Collection;

/**
 * Durable storage of meetings and attendees, written through on every change. Implementations throw
 * {@link MeetingServiceException} of kind {@link MeetingErrorKind#UNAVAILABLE} when the store
 * fails; the service then leaves its state unchanged.
 */
public interface MeetingRepository extends AutoCloseable {

  /** Everything stored. */
  StoredState load();

  /** Stores a new meeting and, if not null, its idempotency token. */
  void insertMeeting(Meeting meeting, String clientRequestToken);

  /** Deletes meetings and their idempotency tokens, and marks all their attendees deleted. */
  void deleteMeetings(Collection<MeetingId> meetingIds);

  /** Stores new attendees, all or none. */
  void insertAttendees(Collection<StoredAttendee> attendees);

  /** Marks an attendee deleted (its token hash stays, to report the token revoked). */
  void markAttendeeDeleted(AttendeeId attendeeId);

  /** Replaces an attendee's capabilities. */
  void updateCapabilities(AttendeeId attendeeId, Capabilities capabilities);

  /** Flushes and closes; idempotent. */
  @Override
  void close();
}
