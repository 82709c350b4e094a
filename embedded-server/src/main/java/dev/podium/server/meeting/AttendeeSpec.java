package dev.podium.server.meeting;

import java.util.Objects;

/**
 * What CreateAttendee asks for. {@code role} may be null: then a primary's attendee is a presenter
 * and a replica's a viewer.
 */
public record AttendeeSpec(String externalUserId, Capabilities capabilities, AttendeeRole role) {

  public AttendeeSpec {
    Objects.requireNonNull(externalUserId, "externalUserId");
    capabilities = capabilities == null ? Capabilities.ALL : capabilities;
  }

  /** An attendee with default capabilities and role. */
  public static AttendeeSpec of(String externalUserId) {
    return new AttendeeSpec(externalUserId, null, null);
  }
}
