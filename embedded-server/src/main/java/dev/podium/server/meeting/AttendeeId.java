package dev.podium.server.meeting;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifies an attendee of a meeting (a UUID, written in its canonical lower-case form on the
 * wire).
 */
public record AttendeeId(UUID value) {

  public AttendeeId {
    Objects.requireNonNull(value, "value");
  }

  /** A fresh random id. */
  public static AttendeeId random() {
    return new AttendeeId(UUID.randomUUID());
  }

  /**
   * Parses the canonical form.
   *
   * @throws IllegalArgumentException if {@code text} is not a UUID
   */
  public static AttendeeId parse(String text) {
    return new AttendeeId(Uuids.parseStrict(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
