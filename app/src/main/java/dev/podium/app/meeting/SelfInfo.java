package dev.podium.app.meeting;

/**
 * This attendee as the UI shows it.
 *
 * @param attendeeId the AttendeeId (of the joined meeting)
 * @param name the ExternalUserId, used as display name
 * @param role {@code host}, {@code presenter} or {@code viewer}
 */
public record SelfInfo(String attendeeId, String name, String role) {

  /** Hosts manage the webinar. */
  public boolean isHost() {
    return "host".equals(role);
  }

  /** Viewers watch from a replica until promoted. */
  public boolean isViewer() {
    return "viewer".equals(role);
  }
}
