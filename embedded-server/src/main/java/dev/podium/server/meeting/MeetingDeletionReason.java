package dev.podium.server.meeting;

/** Why a meeting was deleted. */
public enum MeetingDeletionReason {
  /** DeleteMeeting was called for it. */
  DELETED_BY_API,
  /** Its primary was deleted (for any reason), and replicas go with their primary. */
  PRIMARY_DELETED,
  /** A primary with no connected attendee for the configured idle time. */
  IDLE_TIMEOUT
}
