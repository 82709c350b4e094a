package dev.podium.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnswerBuilderTest {
  private static final OutgoingStream MIX = new OutgoingStream(1111, 0, "podium", "mix", "mix-a");
  private static final String CANDIDATE = "a=candidate:1 1 udp 2130706431 127.0.0.1 40000 typ host";

  private final AnswerBuilder builder =
      new AnswerBuilder(Fixtures.localTransport(40000), MediaPolicy.defaults(), 42);

  @Test
  void answersSimulcastPublisherWithBundleTransportAndRidRecv() {
    SessionDescription offer = Fixtures.parsed(Fixtures.SIMULCAST);

    SdpAnswer answer = builder.answer(offer, Map.of("0", MediaDecision.sendReceive(MIX)));

    assertThat(lines(answer.sdp()))
        .startsWith("v=0", "o=- 42 1 IN IP4 127.0.0.1", "s=-", "t=0 0", "a=ice-lite")
        .contains("a=group:BUNDLE 0 1", "a=msid-semantic: WMS mix");
    List<String> audio = section(answer, 0);
    assertThat(audio)
        .startsWith("m=audio 40000 UDP/TLS/RTP/SAVPF 111", "c=IN IP4 127.0.0.1")
        .contains(
            "a=ice-ufrag:podU",
            "a=ice-pwd:podiumIcePasswordOf24Chr",
            "a=fingerprint:sha-256 " + Fixtures.localTransport(1).fingerprint(),
            "a=setup:passive",
            "a=mid:0",
            "a=sendrecv",
            "a=rtcp-mux",
            "a=rtcp-rsize",
            "a=rtpmap:111 opus/48000/2",
            "a=rtcp-fb:111 transport-cc",
            "a=fmtp:111 minptime=10;useinbandfec=1",
            "a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level",
            "a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid",
            "a=msid:mix mix-a",
            "a=ssrc:1111 cname:podium",
            "a=ssrc:1111 msid:mix mix-a")
        .endsWith(CANDIDATE, "a=end-of-candidates")
        .noneMatch(
            line -> line.contains("red/") || line.contains("stereo") || line.contains("PCMU"));
    List<String> video = section(answer, 1);
    assertThat(video)
        .startsWith("m=video 40000 UDP/TLS/RTP/SAVPF 96 97")
        .contains(
            "a=mid:1",
            "a=recvonly",
            "a=rtpmap:96 VP8/90000",
            "a=rtcp-fb:96 nack pli",
            "a=rtcp-fb:96 goog-remb",
            "a=rtpmap:97 rtx/90000",
            "a=fmtp:97 apt=96",
            "a=extmap:10 urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id",
            "a=extmap:11 urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id",
            "a=extmap:3 " + RtpExtensionIds.TRANSPORT_WIDE_CC,
            "a=rid:0 recv",
            "a=rid:1 recv",
            "a=simulcast:recv 0;1")
        .noneMatch(
            line ->
                line.matches("a=(rtpmap|fmtp).*(VP9|H264|AV1|red|ulpfec).*")
                    || line.contains("toffset")
                    || line.contains("dependency-descriptor")
                    || line.startsWith("a=ssrc")
                    || line.startsWith("a=msid"));

    NegotiatedSession session = answer.session();
    MediaDescription offeredAudio = offer.media().get(0);
    assertThat(session.remoteIceUfrag()).isEqualTo(offeredAudio.iceUfrag());
    assertThat(session.remoteIcePwd()).isEqualTo(offeredAudio.icePwd());
    assertThat(session.remoteFingerprint()).isEqualTo(offeredAudio.fingerprint());
    NegotiatedMedia negotiatedVideo = session.media("1").orElseThrow();
    assertThat(negotiatedVideo.direction()).isEqualTo(Direction.RECVONLY);
    assertThat(negotiatedVideo.payloadType()).isEqualTo(96);
    assertThat(negotiatedVideo.codecName()).isEqualTo("VP8");
    assertThat(negotiatedVideo.rtxPayloadType()).isEqualTo(97);
    assertThat(negotiatedVideo.rids()).containsExactly("0", "1");
    assertThat(negotiatedVideo.remoteSsrcs()).isEmpty();
    assertThat(negotiatedVideo.extensions().id(RtpExtensionIds.RID)).isEqualTo(10);
    assertThat(negotiatedVideo.extensions().id(RtpExtensionIds.MID)).isEqualTo(4);
    assertThat(negotiatedVideo.extensions().id("urn:ietf:params:rtp-hdrext:toffset")).isEqualTo(-1);
    NegotiatedMedia negotiatedAudio = session.media("0").orElseThrow();
    assertThat(negotiatedAudio.direction()).isEqualTo(Direction.SENDRECV);
    assertThat(negotiatedAudio.outgoing()).isEqualTo(MIX);
    assertThat(negotiatedAudio.remoteSsrcs()).containsExactly(new IncomingSsrc(3977655438L, 0));
    assertThat(negotiatedAudio.rtxPayloadType()).isEqualTo(-1);
    assertThat(SessionDescription.parse(answer.sdp())).isEqualTo(answer.description());
  }

  @Test
  void reportsClientSsrcsWithTheirRtxPartners() {
    SdpAnswer answer = builder.answer(Fixtures.parsed(Fixtures.SINGLE), Map.of());

    NegotiatedMedia video = answer.session().media("1").orElseThrow();
    assertThat(video.remoteSsrcs()).containsExactly(new IncomingSsrc(1636467497L, 1211678653L));
    assertThat(video.rids()).isEmpty();
    assertThat(section(answer, 1))
        .noneMatch(line -> line.startsWith("a=rid") || line.startsWith("a=simulcast"));
    assertThat(answer.session().media("0").orElseThrow().direction()).isEqualTo(Direction.RECVONLY);
  }

  @Test
  void answersViewerWithTheStreamsTheServerSends() {
    OutgoingStream camera = new OutgoingStream(2001, 3001, "podium", "alice", "alice-cam");
    OutgoingStream screen = new OutgoingStream(2002, 0, "podium", "bob", "bob-screen");

    SdpAnswer answer =
        builder.answer(
            Fixtures.parsed(Fixtures.VIEWER),
            Map.of(
                "0", MediaDecision.send(MIX),
                "1", MediaDecision.send(camera),
                "2", MediaDecision.send(screen)));

    assertThat(section(answer, 0)).contains("a=sendonly", "a=ssrc:1111 cname:podium");
    assertThat(section(answer, 1))
        .contains(
            "a=sendonly",
            "a=msid:alice alice-cam",
            "a=ssrc-group:FID 2001 3001",
            "a=ssrc:2001 cname:podium",
            "a=ssrc:2001 msid:alice alice-cam",
            "a=ssrc:3001 cname:podium",
            "a=ssrc:3001 msid:alice alice-cam");
    assertThat(section(answer, 2))
        .contains("a=sendonly", "a=ssrc:2002 cname:podium")
        .noneMatch(line -> line.startsWith("a=ssrc-group"));
    assertThat(section(answer, 3)).contains("a=inactive", "a=mid:3", CANDIDATE);
    assertThat(lines(answer.sdp()))
        .contains("a=group:BUNDLE 0 1 2 3", "a=msid-semantic: WMS mix alice bob");
    assertThat(answer.session().media("1").orElseThrow().outgoing()).isEqualTo(camera);
    assertThat(answer.session().media("3").orElseThrow().direction()).isEqualTo(Direction.INACTIVE);
  }

  @Test
  void rejectsDataChannelUnlessDecisionAcceptsIt() {
    SessionDescription offer = Fixtures.parsed(Fixtures.DATA_CHANNEL);

    SdpAnswer rejected = builder.answer(offer, Map.of());
    assertThat(section(rejected, 1))
        .containsExactly(
            "m=application 0 UDP/DTLS/SCTP webrtc-datachannel", "c=IN IP4 0.0.0.0", "a=mid:1");
    assertThat(lines(rejected.sdp())).contains("a=group:BUNDLE 0");
    assertThat(rejected.session().media("1")).isEmpty();

    SdpAnswer accepted = builder.answer(offer, Map.of("1", MediaDecision.acceptDataChannel()));
    assertThat(section(accepted, 1))
        .startsWith("m=application 40000 UDP/DTLS/SCTP webrtc-datachannel")
        .contains("a=setup:passive", "a=sctp-port:5000", "a=max-message-size:262144", CANDIDATE);
    assertThat(lines(accepted.sdp())).contains("a=group:BUNDLE 0 1");
  }

  @Test
  void rejectedMediaKeepsMidKindAndProtocolWithOneFormat() {
    SdpAnswer answer =
        builder.answer(Fixtures.parsed(Fixtures.SIMULCAST), Map.of("1", MediaDecision.reject()));

    assertThat(section(answer, 1))
        .containsExactly(
            "m=video 0 UDP/TLS/RTP/SAVPF 96", "c=IN IP4 0.0.0.0", "a=mid:1", "a=inactive");
    assertThat(lines(answer.sdp())).contains("a=group:BUNDLE 0");
    assertThat(answer.session().media()).extracting(NegotiatedMedia::mid).containsExactly("0");
  }

  @Test
  void choosesH264OnlyWhenPolicyAllowsIt() {
    SessionDescription offer = Fixtures.parsed(Fixtures.SINGLE);
    AnswerBuilder h264 =
        new AnswerBuilder(Fixtures.localTransport(40000), new MediaPolicy(true, true, false), 1);

    NegotiatedMedia video = h264.answer(offer, Map.of()).session().media("1").orElseThrow();
    assertThat(video.codecName()).isEqualTo("H264");
    assertThat(video.payloadType()).isEqualTo(109);
    assertThat(video.codec().fmtp())
        .containsEntry("packetization-mode", "1")
        .containsEntry("profile-level-id", "42e01f");
    assertThat(video.rtxPayloadType()).isEqualTo(114);

    SessionDescription noVp8 = withoutCodec(offer, "VP8");
    assertThat(h264.answer(noVp8, Map.of()).session().media("1").orElseThrow().codecName())
        .isEqualTo("H264");
    SdpAnswer vp8Only = builder.answer(noVp8, Map.of());
    assertThat(vp8Only.description().media().get(1).port()).isZero();
    assertThat(vp8Only.session().media("1")).isEmpty();
  }

  @Test
  void signalsOpusStereoOnlyWhenPolicySaysSo() {
    AnswerBuilder stereo =
        new AnswerBuilder(Fixtures.localTransport(40000), new MediaPolicy(false, false, true), 1);

    assertThat(section(stereo.answer(Fixtures.parsed(Fixtures.SINGLE), Map.of()), 0))
        .contains("a=fmtp:111 minptime=10;useinbandfec=1;stereo=1;sprop-stereo=1");
  }

  @Test
  void renegotiationKeepsSessionIdAndIncrementsVersion() {
    Origin first =
        builder.answer(Fixtures.parsed(Fixtures.SIMULCAST), Map.of()).description().origin();
    SdpAnswer second = builder.answer(Fixtures.parsed(Fixtures.RENEGOTIATION), Map.of());

    assertThat(first.sessionId()).isEqualTo("42");
    assertThat(first.sessionVersion()).isEqualTo(1);
    assertThat(second.description().origin().sessionId()).isEqualTo("42");
    assertThat(second.description().origin().sessionVersion()).isEqualTo(2);
    assertThat(lines(second.sdp())).contains("a=group:BUNDLE 0 1 2 3");
  }

  @Test
  void rejectsMediaOfferedWithPortZeroOrOutsideBundle() {
    String text = Fixtures.text(Fixtures.VIEWER);
    String portZero = text.replaceFirst("m=video 9 ", "m=video 0 ");
    String notBundled = text.replace("a=group:BUNDLE 0 1 2 3", "a=group:BUNDLE 0 1 2");

    assertThat(
            builder
                .answer(SessionDescription.parse(portZero), Map.of())
                .description()
                .media()
                .get(1)
                .port())
        .isZero();
    assertThat(
            builder
                .answer(SessionDescription.parse(notBundled), Map.of())
                .description()
                .media()
                .get(3)
                .port())
        .isZero();
  }

  @Test
  void refusesOffersItCannotAnswer() {
    String text = Fixtures.text(Fixtures.SINGLE);
    String noFingerprint = text.replaceAll("a=fingerprint:[^\r]*\r\n", "");
    String passive = text.replace("a=setup:actpass", "a=setup:passive");
    String noMid = text.replace("a=mid:1\r\n", "");

    assertThatThrownBy(() -> builder.answer(SessionDescription.parse(noFingerprint), Map.of()))
        .isInstanceOf(SdpNegotiationException.class)
        .hasMessageContaining("fingerprint");
    assertThatThrownBy(() -> builder.answer(SessionDescription.parse(passive), Map.of()))
        .isInstanceOf(SdpNegotiationException.class)
        .hasMessageContaining("passive");
    assertThatThrownBy(() -> builder.answer(SessionDescription.parse(noMid), Map.of()))
        .isInstanceOf(SdpNegotiationException.class)
        .hasMessageContaining("mid");
  }

  @Test
  void takesTransportFromSessionLevelWhenMediaHasNone() {
    String text =
        Fixtures.text(Fixtures.SINGLE)
            .replaceAll("a=ice-ufrag:[^\r]*\r\n", "")
            .replaceAll("a=ice-pwd:[^\r]*\r\n", "")
            .replace(
                "t=0 0\r\n",
                "t=0 0\r\na=ice-ufrag:sessU\r\na=ice-pwd:sessionLevelPassword0000\r\n");

    NegotiatedSession session = builder.answer(SessionDescription.parse(text), Map.of()).session();

    assertThat(session.remoteIceUfrag()).isEqualTo("sessU");
    assertThat(session.remoteIcePwd()).isEqualTo("sessionLevelPassword0000");
  }

  private static SessionDescription withoutCodec(SessionDescription offer, String name) {
    MediaDescription video = offer.media().get(1);
    List<RtpCodec> kept =
        video.codecs().stream()
            .filter(c -> !c.name().equals(name))
            .filter(
                c ->
                    !(c.isRtx()
                        && video
                            .codec(c.associatedPayloadType())
                            .map(RtpCodec::name)
                            .orElse("")
                            .equals(name)))
            .toList();
    MediaDescription trimmed =
        video.toBuilder()
            .codecs(kept)
            .formats(kept.stream().map(c -> Integer.toString(c.payloadType())).toList())
            .build();
    return new SessionDescription(
        offer.origin(),
        offer.sessionName(),
        offer.timing(),
        offer.connection(),
        offer.iceLite(),
        offer.iceUfrag(),
        offer.icePwd(),
        offer.iceOptions(),
        offer.fingerprints(),
        offer.setup(),
        offer.groups(),
        offer.extmapAllowMixed(),
        offer.msidSemantic(),
        offer.otherLines(),
        List.of(offer.media().get(0), trimmed));
  }

  private static List<String> lines(String sdp) {
    return List.of(sdp.split("\r\n"));
  }

  private static List<String> section(SdpAnswer answer, int index) {
    return lines(answer.description().media().get(index).toString());
  }
}
