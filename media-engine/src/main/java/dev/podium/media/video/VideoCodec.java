package dev.podium.media.video;

import java.util.Locale;

/**
 * The video codec a producer publishes, as far as the router cares: where a decoder can start
 * (keyframes) and which payload fields must be rewritten when the forwarded layer changes.
 */
public enum VideoCodec {
  /** VP8 (RFC 7741): keyframes from the payload header, picture id and TL0PICIDX rewritten. */
  VP8,
  /** H.264 (RFC 6184): keyframes from the NAL unit types; nothing in the payload is rewritten. */
  H264,
  /** Audio or an unknown codec: every packet is a switch point and nothing is rewritten. */
  OTHER;

  /** The codec named in SDP ({@code VP8}, {@code H264}, ...), {@link #OTHER} for the rest. */
  public static VideoCodec fromName(String name) {
    if (name == null) {
      return OTHER;
    }
    return switch (name.toUpperCase(Locale.ROOT)) {
      case "VP8" -> VP8;
      case "H264" -> H264;
      default -> OTHER;
    };
  }
}
