package dev.podium.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SessionDescriptionTest {

  static List<String> fixtures() {
    return Fixtures.ALL;
  }

  @Test
  void parsesSimulcastPublisherOffer() {
    SessionDescription offer = Fixtures.parsed(Fixtures.SIMULCAST);

    assertThat(offer.origin().sessionId()).isEqualTo("592821218974025309");
    assertThat(offer.origin().sessionVersion()).isEqualTo(2);
    assertThat(offer.bundleGroup()).map(Group::mids).contains(List.of("0", "1"));
    assertThat(offer.extmapAllowMixed()).isTrue();
    assertThat(offer.msidSemantic()).isEqualTo("WMS stream-1");
    assertThat(offer.media())
        .extracting(MediaDescription::kind)
        .containsExactly(MediaKind.AUDIO, MediaKind.VIDEO);

    MediaDescription audio = offer.media().get(0);
    assertThat(audio.port()).isEqualTo(9);
    assertThat(audio.protocol()).isEqualTo("UDP/TLS/RTP/SAVPF");
    assertThat(audio.formats()).containsExactly("111", "63", "9", "0", "8", "13", "110", "126");
    assertThat(audio.mid()).isEqualTo("0");
    assertThat(audio.direction()).isEqualTo(Direction.SENDRECV);
    assertThat(audio.iceUfrag()).isEqualTo("lS7U");
    assertThat(audio.icePwd()).isEqualTo("/op0WkLQx67ZOdkV1wcqdGjt");
    assertThat(audio.iceOptions()).containsExactly("trickle");
    assertThat(audio.fingerprint().algorithm()).isEqualTo("sha-256");
    assertThat(audio.fingerprint().value()).startsWith("73:E8:D5").hasSize(95);
    assertThat(audio.setup()).isEqualTo(Setup.ACTPASS);
    assertThat(audio.rtcpMux()).isTrue();
    assertThat(audio.rtcpRsize()).isTrue();
    assertThat(audio.codec(111))
        .contains(
            new RtpCodec(
                111,
                "opus",
                48000,
                2,
                Map.of("minptime", "10", "useinbandfec", "1"),
                List.of("transport-cc")));
    assertThat(audio.codec(63).orElseThrow().fmtp()).containsEntry("111/111", "");
    assertThat(audio.codec(0).orElseThrow().name()).isEqualTo("PCMU");
    assertThat(audio.extMapId(RtpExtensionIds.AUDIO_LEVEL)).isEqualTo(1);
    assertThat(audio.msid()).isEqualTo(new Msid("stream-1", "audio-1"));
    assertThat(audio.ssrcs()).containsExactly(3977655438L);
    assertThat(audio.ssrcAttributes())
        .contains(new SsrcAttribute(3977655438L, "cname", "KIoNU11zYHPEJS06"));

    MediaDescription video = offer.media().get(1);
    assertThat(video.direction()).isEqualTo(Direction.SENDONLY);
    assertThat(video.rids())
        .containsExactly(new Rid("0", RidDirection.SEND), new Rid("1", RidDirection.SEND));
    assertThat(video.simulcast())
        .isEqualTo(new Simulcast(List.of(List.of("0"), List.of("1")), List.of()));
    assertThat(video.sendRids()).containsExactly("0", "1");
    assertThat(video.ssrcAttributes()).isEmpty();
    assertThat(video.rtxFor(96)).map(RtpCodec::payloadType).contains(97);
    assertThat(video.codec(97).orElseThrow().associatedPayloadType()).isEqualTo(96);
    assertThat(video.codec(96).orElseThrow().rtcpFeedback())
        .containsExactly("goog-remb", "transport-cc", "ccm fir", "nack", "nack pli");
    assertThat(video.extMapId(RtpExtensionIds.RID)).isEqualTo(10);
    assertThat(video.extMapId(RtpExtensionIds.REPAIRED_RID)).isEqualTo(11);
    assertThat(video.extMaps()).hasSize(13);
  }

  @Test
  void parsesSsrcGroupsOfSingleStreamPublisher() {
    MediaDescription video = Fixtures.parsed(Fixtures.SINGLE).media().get(1);

    assertThat(video.ssrcGroups())
        .containsExactly(new SsrcGroup("FID", List.of(1636467497L, 1211678653L)));
    assertThat(video.rtxSsrcs()).containsEntry(1636467497L, 1211678653L);
    assertThat(video.ssrcs()).containsExactly(1636467497L, 1211678653L);
    assertThat(video.rids()).isEmpty();
    assertThat(video.simulcast()).isNull();
  }

  @Test
  void parsesViewerAndRenegotiationOffers() {
    SessionDescription viewer = Fixtures.parsed(Fixtures.VIEWER);
    assertThat(viewer.media())
        .extracting(MediaDescription::direction)
        .containsOnly(Direction.RECVONLY)
        .hasSize(4);
    assertThat(viewer.msidSemantic()).isEqualTo("WMS");
    assertThat(viewer.media().get(0).msid()).isNull();

    SessionDescription renegotiation = Fixtures.parsed(Fixtures.RENEGOTIATION);
    assertThat(renegotiation.origin().sessionVersion()).isEqualTo(3);
    assertThat(renegotiation.media())
        .extracting(MediaDescription::direction)
        .containsExactly(
            Direction.SENDRECV, Direction.SENDONLY, Direction.RECVONLY, Direction.RECVONLY);
  }

  @Test
  void parsesDataChannelSection() {
    MediaDescription data = Fixtures.parsed(Fixtures.DATA_CHANNEL).media().get(1);

    assertThat(data.kind()).isEqualTo(MediaKind.APPLICATION);
    assertThat(data.protocol()).isEqualTo("UDP/DTLS/SCTP");
    assertThat(data.formats()).containsExactly("webrtc-datachannel");
    assertThat(data.sctpPort()).isEqualTo(5000);
    assertThat(data.maxMessageSize()).isEqualTo(262144);
    assertThat(data.codecs()).isEmpty();
    assertThat(data.mid()).isEqualTo("1");
  }

  @Test
  void parsesSessionLevelTransportAndLessCommonAttributes() {
    String sdp =
        String.join(
            "\n",
            "v=0",
            "o=jdoe 18446744073709551615 7 IN IP6 ::1",
            "s=-",
            "i=session info",
            "c=IN IP4 192.0.2.1",
            "t=0 0",
            "a=ice-lite",
            "a=ice-ufrag:sess",
            "a=ice-pwd:sessionpasswordsessionpw",
            "a=fingerprint:sha-256 AA:BB",
            "a=setup:active",
            "a=group:BUNDLE a",
            "a=x-unknown:1",
            "m=video 7 UDP/TLS/RTP/SAVPF 100 101",
            "b=AS:500",
            "a=mid:a",
            "a=extmap:3/recvonly urn:x extra attrs",
            "a=inactive",
            "a=rtpmap:100 VP8/90000",
            "a=rtcp-fb:* nack",
            "a=rtcp-fb:100  nack   pli",
            "a=fmtp:101 apt=100",
            "a=rid:h send max-width=1280;max-height=720",
            "a=rid:l send",
            "a=simulcast:send h,~x;l recv r",
            "a=ssrc-group:SIM 1 2",
            "a=ssrc:1 cname:c",
            "a=ssrc:2 label",
            "a=candidate:1 1 udp 2130706431 192.0.2.1 7 typ host",
            "a=end-of-candidates",
            "");

    SessionDescription parsed = SessionDescription.parse(sdp);

    assertThat(parsed.iceLite()).isTrue();
    assertThat(parsed.iceUfrag()).isEqualTo("sess");
    assertThat(parsed.icePwd()).isEqualTo("sessionpasswordsessionpw");
    assertThat(parsed.fingerprint()).isEqualTo(new Fingerprint("sha-256", "AA:BB"));
    assertThat(parsed.setup()).isEqualTo(Setup.ACTIVE);
    assertThat(parsed.connection()).isEqualTo("IN IP4 192.0.2.1");
    assertThat(parsed.otherLines()).containsExactly("i=session info", "a=x-unknown:1");
    MediaDescription video = parsed.media().get(0);
    assertThat(video.iceUfrag()).isNull();
    assertThat(video.direction()).isEqualTo(Direction.INACTIVE);
    assertThat(video.extMaps())
        .containsExactly(new ExtMap(3, "urn:x", Direction.RECVONLY, "extra attrs"));
    assertThat(video.codec(100).orElseThrow().rtcpFeedback()).containsExactly("nack pli");
    assertThat(video.codec(101).orElseThrow().name()).isEmpty();
    assertThat(video.rtxFor(100)).isEmpty();
    assertThat(video.rids().get(0).restrictions()).isEqualTo("max-width=1280;max-height=720");
    assertThat(video.simulcast().send()).containsExactly(List.of("h", "~x"), List.of("l"));
    assertThat(video.simulcast().recvRids()).containsExactly("r");
    assertThat(video.sendRids()).containsExactly("h", "l");
    assertThat(video.ssrcAttributes()).contains(new SsrcAttribute(2, "label", null));
    assertThat(video.candidates()).containsExactly("1 1 udp 2130706431 192.0.2.1 7 typ host");
    assertThat(video.endOfCandidates()).isTrue();
    assertThat(video.otherLines()).containsExactly("b=AS:500", "a=rtcp-fb:* nack");
    assertThat(SessionDescription.parse(parsed.toString())).isEqualTo(parsed);
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void roundTripsThroughSerialisation(String fixture) {
    SessionDescription parsed = Fixtures.parsed(fixture);
    String written = parsed.toString();

    assertThat(SessionDescription.parse(written)).isEqualTo(parsed);
    assertThat(written.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
    assertThat(written).endsWith("\r\n");
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void serialisesLibwebrtcOffersByteForByte(String fixture) {
    assertThat(Fixtures.parsed(fixture).toString()).isEqualTo(Fixtures.text(fixture));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "o=- 1 2 IN IP4 127.0.0.1",
        "v=1",
        "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nx",
        "v=0\r\no=- 1 2 IN IP4\r\ns=-\r\nt=0 0",
        "v=0\r\no=- 1 2 IN IP4 h\r\ns=-\r\nt=0 0\r\nm=video 70000 UDP/TLS/RTP/SAVPF 96",
        "v=0\r\no=- 1 2 IN IP4 h\r\ns=-\r\nt=0 0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\na=rtpmap:96 VP8",
        "v=0\r\no=- 1 2 IN IP4 h\r\ns=-\r\nt=0 0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\na=rtpmap:300 VP8/90000",
      })
  void rejectsMalformedLinesNamingThem(String sdp) {
    assertThatThrownBy(() -> SessionDescription.parse(sdp))
        .isInstanceOf(SdpParseException.class)
        .hasMessageStartingWith("SDP line ")
        .satisfies(e -> assertThat(((SdpParseException) e).lineNumber()).isPositive());
  }

  @Test
  void namesTheLineNumberAndTextOfAnError() {
    String sdp =
        Fixtures.text(Fixtures.SIMULCAST)
            .replace("a=rtpmap:111 opus/48000/2", "a=rtpmap:111 opus/x/2");
    int expectedLine =
        List.of(Fixtures.text(Fixtures.SIMULCAST).split("\r\n"))
                .indexOf("a=rtpmap:111 opus/48000/2")
            + 1;

    assertThatThrownBy(() -> SessionDescription.parse(sdp))
        .isInstanceOfSatisfying(
            SdpParseException.class,
            e -> {
              assertThat(e.lineNumber()).isEqualTo(expectedLine);
              assertThat(e.line()).isEqualTo("a=rtpmap:111 opus/x/2");
              assertThat(e.getMessage()).contains("line " + expectedLine).contains("clock rate");
            });
  }

  @Test
  void rejectsDescriptionsWithoutRequiredLines() {
    assertThatThrownBy(() -> SessionDescription.parse("v=0\r\ns=-\r\nt=0 0\r\n"))
        .isInstanceOf(SdpParseException.class)
        .hasMessageContaining("missing o=");
    assertThatThrownBy(() -> SessionDescription.parse("")).isInstanceOf(SdpParseException.class);
    assertThatThrownBy(() -> SessionDescription.parse(null)).isInstanceOf(SdpParseException.class);
  }
}
