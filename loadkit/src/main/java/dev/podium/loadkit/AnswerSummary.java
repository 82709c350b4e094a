package dev.podium.loadkit;

import dev.podium.media.sdp.Fingerprint;
import dev.podium.media.sdp.MediaDescription;
import dev.podium.media.sdp.RtpCodec;
import dev.podium.media.sdp.SessionDescription;
import dev.podium.media.sdp.SsrcAttribute;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a light peer needs from the server's SDP answer: the server's host candidate, its ICE
 * credentials and DTLS fingerprint (RFC 8839 §5, RFC 8122 §5), and which kind each payload type and
 * which mid each announced SSRC has.
 *
 * @param remote the first host candidate of the first accepted m-line (ICE-lite server)
 * @param iceUfrag the server's a=ice-ufrag
 * @param icePwd the server's a=ice-pwd
 * @param fingerprint the server's sha-256 a=fingerprint value
 * @param payloadKinds "audio", "video" or "rtx" per negotiated payload type
 * @param ssrcMids the mid of each SSRC the answer announces (a=ssrc lines)
 */
record AnswerSummary(
    InetSocketAddress remote,
    String iceUfrag,
    String icePwd,
    String fingerprint,
    Map<Integer, String> payloadKinds,
    Map<Long, String> ssrcMids) {

  /**
   * Reads an answer.
   *
   * @throws IllegalArgumentException when it accepts no m-line, has no host candidate, no ICE
   *     credentials or no sha-256 fingerprint
   */
  static AnswerSummary of(String sdp) {
    SessionDescription answer = SessionDescription.parse(sdp);
    MediaDescription first =
        answer.media().stream()
            .filter(m -> !m.isRejected())
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("the answer accepts no m-line"));
    InetSocketAddress remote = candidate(first.candidates());
    String ufrag = first.iceUfrag() != null ? first.iceUfrag() : answer.iceUfrag();
    String pwd = first.icePwd() != null ? first.icePwd() : answer.icePwd();
    Fingerprint fingerprint =
        first.fingerprint() != null ? first.fingerprint() : answer.fingerprint();
    if (ufrag == null || pwd == null) {
      throw new IllegalArgumentException("the answer has no ICE credentials");
    }
    if (fingerprint == null || !fingerprint.algorithm().equalsIgnoreCase("sha-256")) {
      throw new IllegalArgumentException("the answer has no sha-256 fingerprint");
    }
    Map<Integer, String> kinds = new HashMap<>();
    Map<Long, String> mids = new HashMap<>();
    for (MediaDescription m : answer.media()) {
      if (m.isRejected()) {
        continue;
      }
      for (RtpCodec codec : m.codecs()) {
        kinds.put(
            codec.payloadType(), codec.isRtx() ? "rtx" : m.kind().name().toLowerCase(Locale.ROOT));
      }
      for (SsrcAttribute attribute : m.ssrcAttributes()) {
        mids.put(attribute.ssrc(), m.mid());
      }
    }
    return new AnswerSummary(remote, ufrag, pwd, fingerprint.value(), kinds, mids);
  }

  /** "foundation component udp priority ip port typ host" (RFC 8839 §5.1). */
  private static InetSocketAddress candidate(List<String> candidates) {
    for (String candidate : candidates) {
      String[] fields = candidate.trim().split("\\s+");
      if (fields.length >= 8
          && fields[2].equalsIgnoreCase("udp")
          && fields[1].equals("1")
          && fields[6].equals("typ")) {
        return new InetSocketAddress(fields[4], Integer.parseInt(fields[5]));
      }
    }
    throw new IllegalArgumentException("the answer has no UDP host candidate");
  }
}
