package dev.podium.server.meeting;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A meeting as created by CreateMeeting. A replica has a {@code primaryMeetingId}; a primary has
 * none.
 */
public record Meeting(
    MeetingId meetingId,
    String externalMeetingId,
    String mediaRegion,
    MeetingId primaryMeetingId,
    MeetingFeatures features,
    Instant createdAt) {

  public Meeting {
    Objects.requireNonNull(meetingId, "meetingId");
    Objects.requireNonNull(mediaRegion, "mediaRegion");
    Objects.requireNonNull(features, "features");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  public boolean isReplica() {
    return primaryMeetingId != null;
  }

  public Optional<MeetingId> primary() {
    return Optional.ofNullable(primaryMeetingId);
  }

  public Optional<String> externalId() {
    return Optional.ofNullable(externalMeetingId);
  }
}
