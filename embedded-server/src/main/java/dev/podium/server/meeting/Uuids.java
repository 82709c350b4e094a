package dev.podium.server.meeting;

import java.util.UUID;
import java.util.regex.Pattern;

/** Strict UUID parsing: {@link UUID#fromString} accepts odd forms such as "1-1-1-1-1". */
final class Uuids {
  private static final Pattern CANONICAL =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private Uuids() {}

  static UUID parseStrict(String text) {
    if (text == null || !CANONICAL.matcher(text).matches()) {
      throw new IllegalArgumentException("not a UUID: must look like 8-4-4-4-12 hex digits");
    }
    return UUID.fromString(text);
  }
}
