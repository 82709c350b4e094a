package dev.podium.media.sdp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Picks the one codec (and its RTX, RFC 4588) that Podium forwards on an m-line, and trims fmtp and
 * rtcp-fb to what the media engine implements.
 */
final class CodecSelector {
  /** RTCP feedback Podium implements (RFC 4585, RFC 5104 FIR, REMB, transport-cc). */
  static final Set<String> SUPPORTED_FEEDBACK =
      Set.of("nack", "nack pli", "ccm fir", "goog-remb", "transport-cc");

  private final MediaPolicy policy;

  CodecSelector(MediaPolicy policy) {
    this.policy = policy;
  }

  /** The chosen codec and its RTX (null when none); both null when nothing fits. */
  record Choice(RtpCodec codec, RtpCodec rtx) {}

  Choice choose(MediaDescription offer) {
    return switch (offer.kind()) {
      case AUDIO -> chooseAudio(offer);
      case VIDEO -> chooseVideo(offer);
      default -> new Choice(null, null);
    };
  }

  private Choice chooseAudio(MediaDescription offer) {
    for (RtpCodec codec : offer.codecs()) {
      if (codec.name().equalsIgnoreCase("opus")
          && codec.clockRate() == 48000
          && codec.channels() == 2) {
        Map<String, String> fmtp = new LinkedHashMap<>(codec.fmtp());
        fmtp.remove("stereo");
        fmtp.remove("sprop-stereo");
        if (policy.opusStereo()) {
          fmtp.put("stereo", "1");
          fmtp.put("sprop-stereo", "1");
        }
        return new Choice(trimmed(codec, fmtp), null);
      }
    }
    return new Choice(null, null);
  }

  private Choice chooseVideo(MediaDescription offer) {
    List<String> order = new ArrayList<>();
    if (policy.allowH264() && policy.preferH264()) {
      order.add("H264");
    }
    order.add("VP8");
    if (policy.allowH264() && !policy.preferH264()) {
      order.add("H264");
    }
    for (String name : order) {
      RtpCodec codec = name.equals("VP8") ? firstVp8(offer) : bestH264(offer);
      if (codec != null) {
        RtpCodec rtx =
            offer
                .rtxFor(codec.payloadType())
                .map(
                    r ->
                        new RtpCodec(
                            r.payloadType(), r.name(), r.clockRate(), 0, r.fmtp(), List.of()))
                .orElse(null);
        return new Choice(trimmed(codec, codec.fmtp()), rtx);
      }
    }
    return new Choice(null, null);
  }

  private static RtpCodec firstVp8(MediaDescription offer) {
    return offer.codecs().stream()
        .filter(c -> c.name().equalsIgnoreCase("VP8") && c.clockRate() == 90000)
        .findFirst()
        .orElse(null);
  }

  /** H.264 with packetization-mode=1, constrained baseline (42e0..) first. */
  private static RtpCodec bestH264(MediaDescription offer) {
    RtpCodec fallback = null;
    for (RtpCodec codec : offer.codecs()) {
      if (!codec.name().equalsIgnoreCase("H264")
          || codec.clockRate() != 90000
          || !"1".equals(codec.fmtp().get("packetization-mode"))) {
        continue;
      }
      String profile = codec.fmtp().getOrDefault("profile-level-id", "");
      if (profile.toLowerCase(java.util.Locale.ROOT).startsWith("42e0")) {
        return codec;
      }
      if (fallback == null) {
        fallback = codec;
      }
    }
    return fallback;
  }

  private static RtpCodec trimmed(RtpCodec codec, Map<String, String> fmtp) {
    List<String> feedback =
        codec.rtcpFeedback().stream().filter(SUPPORTED_FEEDBACK::contains).toList();
    return new RtpCodec(
        codec.payloadType(), codec.name(), codec.clockRate(), codec.channels(), fmtp, feedback);
  }
}
