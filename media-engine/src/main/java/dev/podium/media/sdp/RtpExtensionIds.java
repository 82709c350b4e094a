package dev.podium.media.sdp;

import java.util.Map;

/** Negotiated RTP header extension ids by URI (RFC 8285 section 5), with the URIs Podium uses. */
public record RtpExtensionIds(Map<String, Integer> byUri) {
  /** RFC 8843 section 15.1 MID. */
  public static final String MID = "urn:ietf:params:rtp-hdrext:sdes:mid";

  /** RFC 8852 section 4.3 RtpStreamId. */
  public static final String RID = "urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id";

  /** RFC 8852 section 4.4 RepairedRtpStreamId. */
  public static final String REPAIRED_RID =
      "urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id";

  /** RFC 6464 client-to-mixer audio level. */
  public static final String AUDIO_LEVEL = "urn:ietf:params:rtp-hdrext:ssrc-audio-level";

  /** Absolute send time used by REMB. */
  public static final String ABS_SEND_TIME =
      "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time";

  /** Transport-wide sequence numbers for transport-cc. */
  public static final String TRANSPORT_WIDE_CC =
      "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01";

  /** Creates the mapping; it is copied. */
  public RtpExtensionIds {
    byUri = Map.copyOf(byUri);
  }

  /** The id of {@code uri}, or -1 when it was not negotiated. */
  public int id(String uri) {
    return byUri.getOrDefault(uri, -1);
  }
}
