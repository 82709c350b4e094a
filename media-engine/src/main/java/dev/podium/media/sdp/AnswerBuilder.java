package dev.podium.media.sdp;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Answers client offers for one client connection as Podium's ICE-lite server (JSEP RFC 8829
 * section 5.3): BUNDLE of every accepted m-line on one host candidate (RFC 8843), rtcp-mux (RFC
 * 5761), DTLS passive (RFC 4145, RFC 8842), simulcast receive by rid (RFC 8853, RFC 8851). One
 * builder serves the initial offer and every renegotiation: the session id stays, the version grows
 * (RFC 8866 section 5.2).
 */
public final class AnswerBuilder {
  private static final String DATA_CHANNEL_FORMAT = "webrtc-datachannel";
  private static final long MAX_DATA_MESSAGE_SIZE = 262144;
  private static final Set<String> AUDIO_EXTENSIONS =
      Set.of(
          RtpExtensionIds.AUDIO_LEVEL,
          RtpExtensionIds.ABS_SEND_TIME,
          RtpExtensionIds.TRANSPORT_WIDE_CC,
          RtpExtensionIds.MID);
  private static final Set<String> VIDEO_EXTENSIONS =
      Set.of(
          RtpExtensionIds.ABS_SEND_TIME,
          RtpExtensionIds.TRANSPORT_WIDE_CC,
          RtpExtensionIds.MID,
          RtpExtensionIds.RID,
          RtpExtensionIds.REPAIRED_RID);

  private final LocalTransportParameters local;
  private final CodecSelector codecs;
  private final String sessionId;
  private long version;

  /** A builder with a random session id. */
  public AnswerBuilder(LocalTransportParameters local, MediaPolicy policy) {
    this(local, policy, new SecureRandom().nextLong() & Long.MAX_VALUE);
  }

  /** A builder with a given (non-negative) session id, e.g. for reproducible tests. */
  public AnswerBuilder(LocalTransportParameters local, MediaPolicy policy, long sessionId) {
    this.local = Objects.requireNonNull(local, "local");
    this.codecs = new CodecSelector(Objects.requireNonNull(policy, "policy"));
    if (sessionId < 0) {
      throw new IllegalArgumentException("session id must be non-negative");
    }
    this.sessionId = Long.toString(sessionId);
  }

  /** Answers with per-mid decisions; a mid without one gets {@link MediaDecision#receive()}. */
  public SdpAnswer answer(SessionDescription offer, Map<String, MediaDecision> decisionsByMid) {
    Objects.requireNonNull(decisionsByMid, "decisionsByMid");
    return answer(offer, m -> decisionsByMid.getOrDefault(m.mid(), MediaDecision.receive()));
  }

  /**
   * Answers {@code offer}, asking {@code decide} about each m-line (a null decision rejects it).
   *
   * @throws SdpNegotiationException when the offer lacks a mid, ICE credentials or a fingerprint,
   *     or asks the server to be the DTLS client
   */
  public synchronized SdpAnswer answer(
      SessionDescription offer, Function<MediaDescription, MediaDecision> decide) {
    Objects.requireNonNull(offer, "offer");
    Objects.requireNonNull(decide, "decide");
    List<String> offeredBundle = offer.bundleGroup().map(Group::mids).orElse(List.of());
    List<MediaDescription> answered = new ArrayList<>();
    List<NegotiatedMedia> negotiated = new ArrayList<>();
    Set<String> seenMids = new LinkedHashSet<>();
    Set<String> streamIds = new LinkedHashSet<>();
    for (int index = 0; index < offer.media().size(); index++) {
      MediaDescription m = offer.media().get(index);
      if (m.mid() == null) {
        throw new SdpNegotiationException("m-line " + index + " has no a=mid (RFC 8843)");
      }
      if (!seenMids.add(m.mid())) {
        throw new SdpNegotiationException("mid '" + m.mid() + "' appears twice");
      }
      MediaDecision decision =
          m.isRejected() || !offeredBundle.contains(m.mid()) ? null : decide.apply(m);
      NegotiatedMedia accepted = decision == null ? null : negotiate(offer, m, decision);
      if (accepted == null) {
        answered.add(rejected(m));
        continue;
      }
      negotiated.add(accepted);
      answered.add(acceptedSection(m, accepted));
      if (accepted.outgoing() != null && accepted.sends()) {
        streamIds.add(accepted.outgoing().streamId());
      }
    }
    List<Group> groups = new ArrayList<>();
    if (!negotiated.isEmpty()) {
      groups.add(new Group("BUNDLE", negotiated.stream().map(NegotiatedMedia::mid).toList()));
    }
    version++;
    String addressType = local.isIpv6() ? "IP6" : "IP4";
    SessionDescription description =
        new SessionDescription(
            new Origin("-", sessionId, version, "IN", addressType, local.candidateIp()),
            "-",
            "0 0",
            null,
            true,
            null,
            null,
            List.of(),
            List.of(),
            null,
            groups,
            offer.extmapAllowMixed(),
            streamIds.isEmpty() ? "WMS" : "WMS " + String.join(" ", streamIds),
            List.of(),
            answered);
    NegotiatedMedia transport = negotiated.isEmpty() ? null : negotiated.get(0);
    NegotiatedSession session =
        new NegotiatedSession(
            transport == null ? null : transport.remoteIceUfrag(),
            transport == null ? null : transport.remoteIcePwd(),
            transport == null ? null : transport.remoteFingerprint(),
            negotiated);
    return new SdpAnswer(description, session);
  }

  /** Works out what an m-line negotiates, or null to reject it. */
  private NegotiatedMedia negotiate(
      SessionDescription offer, MediaDescription m, MediaDecision decision) {
    if (!decision.accepted()) {
      return null;
    }
    boolean isData = m.kind() == MediaKind.APPLICATION;
    if (isData != decision.dataChannel()) {
      return null; // data decisions only accept data m-lines, and vice versa
    }
    String ufrag = m.iceUfrag() != null ? m.iceUfrag() : offer.iceUfrag();
    String pwd = m.icePwd() != null ? m.icePwd() : offer.icePwd();
    Fingerprint fingerprint = m.fingerprint() != null ? m.fingerprint() : offer.fingerprint();
    Setup setup = m.setup() != null ? m.setup() : offer.setup();
    if (ufrag == null || pwd == null) {
      throw new SdpNegotiationException("m-line " + m.mid() + " has no ICE ufrag/pwd");
    }
    if (fingerprint == null) {
      throw new SdpNegotiationException("m-line " + m.mid() + " has no DTLS fingerprint");
    }
    if (setup == Setup.PASSIVE || setup == Setup.HOLDCONN) {
      throw new SdpNegotiationException(
          "m-line " + m.mid() + " offers setup:" + setup.sdpName() + "; the server is passive");
    }
    if (isData) {
      if (!m.protocol().contains("SCTP") || !m.formats().contains(DATA_CHANNEL_FORMAT)) {
        return null;
      }
      return new NegotiatedMedia(
          m.mid(),
          m.kind(),
          Direction.SENDRECV,
          null,
          -1,
          new RtpExtensionIds(Map.of()),
          List.of(),
          List.of(),
          null,
          ufrag,
          pwd,
          fingerprint);
    }
    if ((m.kind() != MediaKind.AUDIO && m.kind() != MediaKind.VIDEO)
        || !m.protocol().equals("UDP/TLS/RTP/SAVPF")
        || !m.rtcpMux()) {
      return null;
    }
    CodecSelector.Choice choice = codecs.choose(m);
    if (choice.codec() == null) {
      return null;
    }
    boolean receives = m.direction().sends() && decision.receives();
    boolean sends = m.direction().receives() && decision.outgoing() != null;
    Direction direction = Direction.of(sends, receives);
    Set<String> supported = m.kind() == MediaKind.AUDIO ? AUDIO_EXTENSIONS : VIDEO_EXTENSIONS;
    Map<String, Integer> extensions = new LinkedHashMap<>();
    for (ExtMap ext : m.extMaps()) {
      if (supported.contains(ext.uri())) {
        extensions.putIfAbsent(ext.uri(), ext.id());
      }
    }
    return new NegotiatedMedia(
        m.mid(),
        m.kind(),
        direction,
        choice.codec(),
        choice.rtx() == null ? -1 : choice.rtx().payloadType(),
        new RtpExtensionIds(extensions),
        receives ? incomingSsrcs(m) : List.of(),
        receives ? m.sendRids() : List.of(),
        sends ? decision.outgoing() : null,
        ufrag,
        pwd,
        fingerprint);
  }

  /** Primary SSRCs (SIM order when present) with their FID RTX partners. */
  private static List<IncomingSsrc> incomingSsrcs(MediaDescription m) {
    Map<Long, Long> rtx = m.rtxSsrcs();
    List<Long> primaries =
        m.ssrcGroups().stream()
            .filter(g -> g.semantics().equals("SIM"))
            .findFirst()
            .map(SsrcGroup::ssrcs)
            .orElseGet(() -> m.ssrcs().stream().filter(s -> !rtx.containsValue(s)).toList());
    return primaries.stream().map(s -> new IncomingSsrc(s, rtx.getOrDefault(s, 0L))).toList();
  }

  private MediaDescription acceptedSection(MediaDescription offered, NegotiatedMedia n) {
    MediaDescription.Builder a =
        MediaDescription.builder(offered.kind())
            .port(local.candidatePort())
            .protocol(offered.protocol())
            .connection("IN " + (local.isIpv6() ? "IP6 " : "IP4 ") + local.candidateIp())
            .iceUfrag(local.iceUfrag())
            .icePwd(local.icePwd())
            .addFingerprint(new Fingerprint(local.fingerprintAlgorithm(), local.fingerprint()))
            .setup(Setup.PASSIVE)
            .mid(offered.mid())
            .addCandidate(
                "1 1 udp 2130706431 "
                    + local.candidateIp()
                    + " "
                    + local.candidatePort()
                    + " typ host")
            .endOfCandidates(true);
    if (n.kind() == MediaKind.APPLICATION) {
      long maxMessageSize =
          offered.maxMessageSize() > 0
              ? Math.min(offered.maxMessageSize(), MAX_DATA_MESSAGE_SIZE)
              : MAX_DATA_MESSAGE_SIZE;
      return a.formats(List.of(DATA_CHANNEL_FORMAT))
          .sctpPort(offered.sctpPort() >= 0 ? offered.sctpPort() : 5000)
          .maxMessageSize(maxMessageSize)
          .build();
    }
    List<RtpCodec> answerCodecs = new ArrayList<>();
    answerCodecs.add(n.codec());
    offered
        .rtxFor(n.codec().payloadType())
        .ifPresent(
            rtx ->
                answerCodecs.add(
                    new RtpCodec(
                        rtx.payloadType(), rtx.name(), rtx.clockRate(), 0, rtx.fmtp(), List.of())));
    a.formats(answerCodecs.stream().map(c -> Integer.toString(c.payloadType())).toList())
        .codecs(answerCodecs)
        .direction(n.direction())
        .rtcpMux(true)
        .rtcpRsize(offered.rtcpRsize());
    for (ExtMap ext : offered.extMaps()) {
      if (n.extensions().id(ext.uri()) == ext.id()) {
        a.addExtMap(new ExtMap(ext.id(), ext.uri()));
      }
    }
    OutgoingStream out = n.outgoing();
    if (out != null) {
      a.msid(new Msid(out.streamId(), out.trackId()));
      boolean withRtx = n.rtxPayloadType() >= 0 && out.rtxSsrc() != 0;
      if (withRtx) {
        a.addSsrcGroup(new SsrcGroup("FID", List.of(out.ssrc(), out.rtxSsrc())));
      }
      addSsrcLines(a, out.ssrc(), out);
      if (withRtx) {
        addSsrcLines(a, out.rtxSsrc(), out);
      }
    }
    if (!n.rids().isEmpty()) {
      n.rids().forEach(rid -> a.addRid(new Rid(rid, RidDirection.RECV)));
      if (offered.simulcast() != null && !offered.simulcast().send().isEmpty()) {
        a.simulcast(new Simulcast(List.of(), offered.simulcast().send()));
      }
    }
    return a.build();
  }

  private static void addSsrcLines(MediaDescription.Builder a, long ssrc, OutgoingStream out) {
    a.addSsrcAttribute(new SsrcAttribute(ssrc, "cname", out.cname()));
    a.addSsrcAttribute(new SsrcAttribute(ssrc, "msid", out.streamId() + " " + out.trackId()));
  }

  /** A rejected m-line (RFC 8829 section 5.3.1): port 0, same kind/protocol, one format, mid. */
  private static MediaDescription rejected(MediaDescription offered) {
    List<String> format =
        offered.formats().isEmpty() ? List.of("0") : offered.formats().subList(0, 1);
    return MediaDescription.builder(offered.kind())
        .port(0)
        .protocol(offered.protocol())
        .formats(format)
        .connection("IN IP4 0.0.0.0")
        .mid(offered.mid())
        .direction(
            offered.kind() == MediaKind.APPLICATION ? Direction.SENDRECV : Direction.INACTIVE)
        .build();
  }
}
