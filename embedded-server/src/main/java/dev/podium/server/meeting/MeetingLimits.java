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
 * @param maxVideoSenders attendees sending camera video at once per primary meeting (promoted
 *     viewers included), default 25
 * @param maxContentShares content shares at once per primary meeting, default 1 (at most 2)
 */
public record MeetingLimits(
    int maxConnectedAttendees,
    int maxReplicasPerPrimary,
    Duration primaryIdleTimeout,
    int maxAttendeesPerMeeting,
    int maxMeetings,
    int maxVideoSenders,
    int maxContentShares) {

  /** Seed: at most 25 video senders per meeting. */
  public static final int DEFAULT_MAX_VIDEO_SENDERS = 25;

  /** Seed: one content share at a time per meeting by default, configurable to two. */
  public static final int DEFAULT_MAX_CONTENT_SHARES = 1;

  /** The seeds' numbers. */
  public static final MeetingLimits DEFAULTS =
      new MeetingLimits(250, 4, Duration.ofMinutes(5), 10_000, 10_000);

  /** Limits with the default video sender and content share caps. */
  public MeetingLimits(
      int maxConnectedAttendees,
      int maxReplicasPerPrimary,
      Duration primaryIdleTimeout,
      int maxAttendeesPerMeeting,
      int maxMeetings) {
    this(
        maxConnectedAttendees,
        maxReplicasPerPrimary,
        primaryIdleTimeout,
        maxAttendeesPerMeeting,
        maxMeetings,
        DEFAULT_MAX_VIDEO_SENDERS,
        DEFAULT_MAX_CONTENT_SHARES);
  }

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
    if (maxVideoSenders < 0) {
      throw new IllegalArgumentException("maxVideoSenders must not be negative");
    }
    if (maxContentShares < 0 || maxContentShares > 2) {
      throw new IllegalArgumentException("maxContentShares must be 0, 1 or 2");
    }
  }

  public MeetingLimits withMaxConnectedAttendees(int value) {
    return new MeetingLimits(
        value,
        maxReplicasPerPrimary,
        primaryIdleTimeout,
        maxAttendeesPerMeeting,
        maxMeetings,
        maxVideoSenders,
        maxContentShares);
  }

  public MeetingLimits withMaxReplicasPerPrimary(int value) {
    return new MeetingLimits(
        maxConnectedAttendees,
        value,
        primaryIdleTimeout,
        maxAttendeesPerMeeting,
        maxMeetings,
        maxVideoSenders,
        maxContentShares);
  }

  public MeetingLimits withPrimaryIdleTimeout(Duration value) {
    return new MeetingLimits(
        maxConnectedAttendees,
        maxReplicasPerPrimary,
        value,
        maxAttendeesPerMeeting,
        maxMeetings,
        maxVideoSenders,
        maxContentShares);
  }

  public MeetingLimits withMaxAttendeesPerMeeting(int value) {
    return new MeetingLimits(
        maxConnectedAttendees,
        maxReplicasPerPrimary,
        primaryIdleTimeout,
        value,
        maxMeetings,
        maxVideoSenders,
        maxContentShares);
  }

  public MeetingLimits withMaxVideoSenders(int value) {
    return new MeetingLimits(
        maxConnectedAttendees,
        maxReplicasPerPrimary,
        primaryIdleTimeout,
        maxAttendeesPerMeeting,
        maxMeetings,
        value,
        maxContentShares);
  }

  public MeetingLimits withMaxContentShares(int value) {
    return new MeetingLimits(
        maxConnectedAttendees,
        maxReplicasPerPrimary,
        primaryIdleTimeout,
        maxAttendeesPerMeeting,
        maxMeetings,
        maxVideoSenders,
        value);
  }
}
