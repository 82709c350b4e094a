package dev.podium.server.meeting;

import java.util.Arrays;
import java.util.Optional;

/** A maximum resolution in MeetingFeatures (Chime's names: None, HD, FHD, UHD). */
public enum VideoResolution {
  NONE("None"),
  HD("HD"),
  FHD("FHD"),
  UHD("UHD");

  private final String wireName;

  VideoResolution(String wireName) {
    this.wireName = wireName;
  }

  /** The name used in JSON. */
  public String wireName() {
    return wireName;
  }

  /** The resolution with this wire name, if any. */
  public static Optional<VideoResolution> fromWireName(String name) {
    return Arrays.stream(values()).filter(r -> r.wireName.equals(name)).findFirst();
  }
}
