package dev.podium.server.meeting;

/** The outcome of {@link MeetingService#tryConnect(Attendee)}. */
public enum ConnectResult {
  /** Counted as connected (also when it already was: a resumed connection). */
  CONNECTED,
  /** The meeting has as many connected attendees as it allows: "meeting at capacity". */
  MEETING_AT_CAPACITY,
  /** The attendee (or its meeting) has been deleted meanwhile. */
  ATTENDEE_DELETED
}
