package dev.podium.media.sdp;

/**
 * An {@code a=extmap} RTP header extension mapping (RFC 8285 section 8); direction and extension
 * attributes are null when absent.
 */
public record ExtMap(int id, String uri, Direction direction, String attributes) {

  /** A mapping without direction or attributes. */
  public ExtMap(int id, String uri) {
    this(id, uri, null, null);
  }
}
