package dev.podium.media.routing;

import dev.podium.media.video.Vp8PayloadDescriptor;

/**
 * What the producer learned about the packet it is fanning out, computed once for all consumers:
 * whether a decoder can start at it, and its VP8 descriptor (for picture id rewriting). Reused per
 * packet; valid only during the {@code onRtp} call.
 */
final class PacketMeta {
  /** A consumer may start or switch layers at this packet (first packet of a keyframe). */
  boolean switchPoint;

  /** The parsed VP8 descriptor, or null when the codec is not VP8 or the descriptor is bad. */
  Vp8PayloadDescriptor vp8;
}
