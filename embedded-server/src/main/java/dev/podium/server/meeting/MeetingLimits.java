package dev.podium.server.meeting;

import java.time.Duration;
import java.util.Objects;

/**
 * The service's limits.
 *
 * @param maxConnectedAttendees connected attendees per meeting (primary or replica), default 250
 * @param maxReplicasPerPrimary replicas per primary, default 4
 * @param primaryIdleTimeout a primary with no connected attendee this long is deleted
 * @param maxAttendeesPerMeeting attendees that may exist (created, not deleted) per meeting
 * @param maxMeetings meetings that may exist at once on this server
 */
public record MeetingLimits(
    int maxConnectedAttendees,
    int maxReplicasPerPrimary,
    Duration primaryIdleTimeout,
    int maxAttendeesPerMeeting,
    int maxMeetings) {

  /** The seeds' numbers. */
  public static final MeetingLimits DEFAULTS =
      new MeetingLimits(250, 4, Duration.ofMinutes(5), 10_000, 10_000);

  public MeetingLimits {
    Objects.requireNonNull(primaryIdleTimeout, "primaryIdleTimeout");
    if (maxConnectedAttendees < 1) {
      throw new IllegalArgumentException("maxConnectedAttendees must be at least 1");
    }
    if (maxReplicasPerPrimary < 0) {
      throw new IllegalArgumentException("maxReplicasPerPrimary must not be negative");
    }
    if (primaryIdleTimeout.isNegative() || primaryIdleTimeout.isZero()) {
      throw new IllegalArgumentException("primaryIdleTimeout must be positive");
    }
    if (maxAttendeesPerMeeting < 1 || maxMeetings < 1) {
      throw new IllegalArgumentException("maxAttendeesPerMeeting and maxMeetings must be >= 1");
    }
  }

  public MeetingLimits withMaxConnectedAttendees(int value) {
    return new MeetingLimits(
        value, maxReplicasPerPrimary, primaryIdleTimeout, maxAttendeesPerMeeting, maxMeetings);
  }

  public MeetingLimits withMaxReplicasPerPrimary(int value) {
    return new MeetingLimits(
        maxConnectedAttendees, value, primaryIdleTimeout, maxAttendeesPerMeeting, maxMeetings);
  }

  public MeetingLimits withPrimaryIdleTimeout(Duration value) {
    return new MeetingLimits(
        maxConnectedAttendees, maxReplicasPerPrimary, value, maxAttendeesPerMeeting, maxMeetings);
  }

  public MeetingLimits withMaxAttendeesPerMeeting(int value) {
    return new MeetingLimits(
        maxConnectedAttendees, maxReplicasPerPrimary, primaryIdleTimeout, value, maxMeetings);
  }
}
