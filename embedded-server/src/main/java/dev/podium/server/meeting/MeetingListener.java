package dev.podium.server.meeting;

/**
 * Told of deletions so that connections can be closed (the signaling layer disconnects people
 * within a second). Called after the change is stored, on the thread that made it, never under the
 * service's lock; an exception thrown by a listener is logged and ignored.
 */
public interface MeetingListener {

  /**
   * An attendee was deleted by DeleteAttendee; its token is revoked. Not called for attendees that
   * go with their meeting: {@link #onMeetingDeleted} covers them.
   */
  void onAttendeeDeleted(Attendee attendee);

  /** A meeting and all its attendees were deleted. Replicas are reported before their primary. */
  void onMeetingDeleted(Meeting meeting, MeetingDeletionReason reason);

  /** An attendee's capabilities changed (UpdateAttendeeCapabilities). */
  default void onAttendeeUpdated(Attendee attendee) {}
}
