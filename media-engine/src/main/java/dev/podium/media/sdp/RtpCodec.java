package dev.podium.media.sdp;

import java.util.List;
import java.util.Map;

/**
 * One payload format of an RTP m-line: {@code a=rtpmap} (RFC 8866 section 6.6), its {@code a=fmtp}
 * parameters and {@code a=rtcp-fb} values (RFC 4585 section 4.2). An RTX format (RFC 4588 section
 * 8.6) names the payload type it repairs in its {@code apt} parameter. A name-less entry (empty
 * name) stands for a format that only has fmtp or rtcp-fb lines.
 */
public record RtpCodec(
    int payloadType,
    String name,
    int clockRate,
    int channels,
    Map<String, String> fmtp,
    List<String> rtcpFeedback) {

  /** Creates a codec; fmtp keeps its order, lists are copied. */
  public RtpCodec {
    fmtp = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fmtp));
    rtcpFeedback = List.copyOf(rtcpFeedback);
  }

  /** Whether this is an RTX retransmission format (RFC 4588). */
  public boolean isRtx() {
    return "rtx".equalsIgnoreCase(name);
  }

  /** The associated payload type of an RTX format, or -1. */
  public int associatedPayloadType() {
    String apt = fmtp.get("apt");
    if (apt == null) {
      return -1;
    }
    try {
      return Integer.parseInt(apt.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** The fmtp parameters as written in SDP ({@code a=b;c=d}), or empty. */
  public String fmtpValue() {
    StringBuilder text = new StringBuilder();
    for (Map.Entry<String, String> parameter : fmtp.entrySet()) {
      if (text.length() > 0) {
        text.append(';');
      }
      text.append(parameter.getKey());
      if (!parameter.getValue().isEmpty()) {
        text.append('=').append(parameter.getValue());
      }
    }
    return text.toString();
  }
}
