package dev.podium.media.sdp;

/** Serialises the SDP model in the attribute order libwebrtc uses, with CRLF line ends. */
final class SdpWriter {
  private static final String CRLF = "\r\n";

  private SdpWriter() {}

  static String write(SessionDescription s) {
    StringBuilder out = new StringBuilder(4096);
    line(out, "v=0");
    line(out, "o=" + s.origin().toSdpValue());
    line(out, "s=" + s.sessionName());
    if (s.connection() != null) {
      line(out, "c=" + s.connection());
    }
    line(out, "t=" + s.timing());
    if (s.iceLite()) {
      line(out, "a=ice-lite");
    }
    writeTransport(out, s.iceUfrag(), s.icePwd(), s.iceOptions(), s.fingerprints(), s.setup());
    for (Group group : s.groups()) {
      StringBuilder value = new StringBuilder("a=group:").append(group.semantics());
      group.mids().forEach(mid -> value.append(' ').append(mid));
      line(out, value.toString());
    }
    if (s.extmapAllowMixed()) {
      line(out, "a=extmap-allow-mixed");
    }
    if (s.msidSemantic() != null) {
      line(out, "a=msid-semantic: " + s.msidSemantic());
    }
    s.otherLines().forEach(other -> line(out, other));
    s.media().forEach(m -> writeMedia(m, out));
    return out.toString();
  }

  static void writeMedia(MediaDescription m, StringBuilder out) {
    StringBuilder mline = new StringBuilder("m=");
    mline.append(m.kind().sdpName()).append(' ').append(m.port()).append(' ').append(m.protocol());
    m.formats().forEach(format -> mline.append(' ').append(format));
    line(out, mline.toString());
    if (m.connection() != null) {
      line(out, "c=" + m.connection());
    }
    if (m.rtcp() != null) {
      line(out, "a=rtcp:" + m.rtcp());
    }
    writeTransport(out, m.iceUfrag(), m.icePwd(), m.iceOptions(), m.fingerprints(), m.setup());
    if (m.mid() != null) {
      line(out, "a=mid:" + m.mid());
    }
    for (ExtMap ext : m.extMaps()) {
      StringBuilder value = new StringBuilder("a=extmap:").append(ext.id());
      if (ext.direction() != null) {
        value.append('/').append(ext.direction().sdpName());
      }
      value.append(' ').append(ext.uri());
      if (ext.attributes() != null) {
        value.append(' ').append(ext.attributes());
      }
      line(out, value.toString());
    }
    // A data section carries no direction; write one only when the parsed text had a non-default.
    if (m.kind() != MediaKind.APPLICATION || m.direction() != Direction.SENDRECV) {
      line(out, "a=" + m.direction().sdpName());
    }
    if (m.msid() != null) {
      line(out, "a=msid:" + m.msid().toSdpValue());
    }
    if (m.rtcpMux()) {
      line(out, "a=rtcp-mux");
    }
    if (m.rtcpRsize()) {
      line(out, "a=rtcp-rsize");
    }
    for (RtpCodec codec : m.codecs()) {
      if (!codec.name().isEmpty()) {
        String rtpmap =
            "a=rtpmap:" + codec.payloadType() + " " + codec.name() + "/" + codec.clockRate();
        line(out, codec.channels() > 0 ? rtpmap + "/" + codec.channels() : rtpmap);
      }
      codec.rtcpFeedback().forEach(fb -> line(out, "a=rtcp-fb:" + codec.payloadType() + " " + fb));
      if (!codec.fmtp().isEmpty()) {
        line(out, "a=fmtp:" + codec.payloadType() + " " + codec.fmtpValue());
      }
    }
    for (SsrcGroup group : m.ssrcGroups()) {
      StringBuilder value = new StringBuilder("a=ssrc-group:").append(group.semantics());
      group.ssrcs().forEach(ssrc -> value.append(' ').append(ssrc));
      line(out, value.toString());
    }
    for (SsrcAttribute ssrc : m.ssrcAttributes()) {
      String head = "a=ssrc:" + ssrc.ssrc() + " " + ssrc.attribute();
      line(out, ssrc.value() == null ? head : head + ":" + ssrc.value());
    }
    for (Rid rid : m.rids()) {
      String head = "a=rid:" + rid.id() + " " + rid.direction().sdpName();
      line(out, rid.restrictions() == null ? head : head + " " + rid.restrictions());
    }
    if (m.simulcast() != null) {
      line(out, "a=simulcast:" + m.simulcast().toSdpValue());
    }
    if (m.sctpPort() >= 0) {
      line(out, "a=sctp-port:" + m.sctpPort());
    }
    if (m.maxMessageSize() >= 0) {
      line(out, "a=max-message-size:" + m.maxMessageSize());
    }
    m.candidates().forEach(candidate -> line(out, "a=candidate:" + candidate));
    if (m.endOfCandidates()) {
      line(out, "a=end-of-candidates");
    }
    m.otherLines().forEach(other -> line(out, other));
  }

  private static void writeTransport(
      StringBuilder out,
      String ufrag,
      String pwd,
      java.util.List<String> options,
      java.util.List<Fingerprint> fingerprints,
      Setup setup) {
    if (ufrag != null) {
      line(out, "a=ice-ufrag:" + ufrag);
    }
    if (pwd != null) {
      line(out, "a=ice-pwd:" + pwd);
    }
    if (!options.isEmpty()) {
      line(out, "a=ice-options:" + String.join(" ", options));
    }
    fingerprints.forEach(f -> line(out, "a=fingerprint:" + f.algorithm() + " " + f.value()));
    if (setup != null) {
      line(out, "a=setup:" + setup.sdpName());
    }
  }

  private static void line(StringBuilder out, String text) {
    out.append(text).append(CRLF);
  }
}
