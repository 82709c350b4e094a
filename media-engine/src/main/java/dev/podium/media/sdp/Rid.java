package dev.podium.media.sdp;

/** An {@code a=rid} line (RFC 8851 section 10); restrictions are null when absent. */
public record Rid(String id, RidDirection direction, String restrictions) {
  /** A rid without restrictions. */
  public Rid(String id, RidDirection direction) {
    this(id, direction, null);
  }
}
