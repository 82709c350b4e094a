package dev.podium.server.meeting;

import java.util.Objects;
import java.util.UUID;

/** Identifies a meeting (a UUID, written in its canonical lower-case form on the wire). */
public record MeetingId(UUID value) {

  public MeetingId {
    Objects.requireNonNull(value, "value");
  }

  /** A fresh random id. */
  public static MeetingId random() {
    return new MeetingId(UUID.randomUUID());
  }

  /**
   * Parses the canonical form.
   *
   * @throws IllegalArgumentException if {@code text} is not a UUID
   */
  public static MeetingId parse(String text) {
    return new MeetingId(Uuids.parseStrict(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
