package dev.podium.media.sdp;

/** An {@code a=msid} line (RFC 8830 section 2): stream id and optional track id (null). */
public record Msid(String streamId, String trackId) {
  String toSdpValue() {
    return trackId == null ? streamId : streamId + " " + trackId;
  }
}
