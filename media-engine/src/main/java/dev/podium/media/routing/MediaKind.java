package dev.podium.media.routing;

/** Kind of a media source. */
public enum MediaKind {
  AUDIO,
  VIDEO;

  public static MediaKind fromSdp(String kind) {
    return switch (kind) {
      case "audio" -> AUDIO;
      case "video" -> VIDEO;
      default -> throw new IllegalArgumentException("not an RTP media kind: " + kind);
    };
  }
}
