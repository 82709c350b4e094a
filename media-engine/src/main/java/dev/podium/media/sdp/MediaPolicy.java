package dev.podium.media.sdp;

/**
 * What the answerer may accept beyond its defaults (Opus mono-signalled, VP8 + RTX): H.264
 * packetization-mode 1 (RFC 6184 section 8.1), preferring H.264 over VP8 when both are offered, and
 * signalling Opus stereo (RFC 7587 section 7).
 */
public record MediaPolicy(boolean allowH264, boolean preferH264, boolean opusStereo) {

  /** VP8 only, Opus without stereo. */
  public static MediaPolicy defaults() {
    return new MediaPolicy(false, false, false);
  }
}
