package dev.podium.server.meeting;

import java.util.Arrays;
import java.util.Optional;

/**
 * Podium extension of Chime's attendee: the attendee's part in a webinar. Hosts see the raised
 * hands and bring viewers to the stage; presenters speak and show video; viewers watch.
 */
public enum AttendeeRole {
  HOST("host"),
  PRESENTER("presenter"),
  VIEWER("viewer");

  private final String wireName;

  AttendeeRole(String wireName) {
    this.wireName = wireName;
  }

  /** The name used in JSON ("host", "presenter", "viewer"). */
  public String wireName() {
    return wireName;
  }

  /** The role with this wire name, if any. */
  public static Optional<AttendeeRole> fromWireName(String name) {
    return Arrays.stream(values()).filter(r -> r.wireName.equals(name)).findFirst();
  }
}
