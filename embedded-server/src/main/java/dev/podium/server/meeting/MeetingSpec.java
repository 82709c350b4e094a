package dev.podium.server.meeting;

import java.util.Objects;

/**
 * What CreateMeeting asks for. Nullable: {@code clientRequestToken} (no idempotency), {@code
 * externalMeetingId}, {@code primaryMeetingId} (a primary), {@code features} (defaults).
 */
public record MeetingSpec(
    String clientRequestToken,
    String externalMeetingId,
    String mediaRegion,
    MeetingId primaryMeetingId,
    MeetingFeatures features) {

  /** Region reported when the caller gives none: Podium runs where it is started. */
  public static final String DEFAULT_MEDIA_REGION = "local";

  public MeetingSpec {
    mediaRegion = mediaRegion == null ? DEFAULT_MEDIA_REGION : mediaRegion;
    Objects.requireNonNull(mediaRegion);
  }

  /** A primary meeting with defaults, no idempotency token. */
  public static MeetingSpec primary() {
    return new MeetingSpec(null, null, null, null, null);
  }

  /** A replica of {@code primary} with defaults. */
  public static MeetingSpec replicaOf(MeetingId primary) {
    return new MeetingSpec(null, null, null, primary, null);
  }
}
