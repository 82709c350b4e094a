package dev.podium.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class TestPeerOfferTest {

  private PeerEnvironment env;

  @BeforeAll
  void start() {
    env = PeerEnvironment.create();
  }

  @AfterAll
  void stop() {
    env.close();
  }

  @Test
  void publisherOfferCarriesOpusAndVp8WithTwoSimulcastRids() {
    try (TestPeer peer = env.newPeer("pub").sendAudio(440).sendVideo(640, 360, 30, 2).build()) {
      String offer = peer.createOffer();
      System.out.println("=== publisher offer (simulcast 2)\n" + offer);

      List<String> sections = SdpLines.mediaSections(offer);
      assertThat(sections).hasSize(2);
      String audio = sections.get(0);
      String video = sections.get(1);
      assertThat(audio)
          .startsWith("m=audio ")
          .contains("a=sendonly")
          .containsPattern("a=rtpmap:\\d+ opus/48000/2");
      assertThat(video)
          .startsWith("m=video ")
          .contains("a=sendonly")
          .containsPattern("a=rtpmap:\\d+ VP8/90000");
      assertThat(video).contains("a=simulcast:send 0;1");
      assertThat(SdpLines.lines(video, "a=rid:")).containsExactly("a=rid:0 send", "a=rid:1 send");
      assertThat(SdpLines.lines(video, "a=ssrc:")).isEmpty();
      assertThat(SdpLines.lines(video, "a=ssrc-group:")).isEmpty();
      assertThat(offer).contains("a=group:BUNDLE 0 1");
      assertThat(audio).contains("a=rtcp-mux");
      assertThat(peer.sentAudioMid()).isEqualTo("0");
      assertThat(peer.sentVideoMid()).isEqualTo("1");
    }
  }

  @Test
  void singleLayerVideoOfferHasSsrcLinesAndNoSimulcast() {
    try (TestPeer peer = env.newPeer("cam").sendVideo(320, 180, 15, 1).build()) {
      String video = SdpLines.mediaSections(peer.createOffer()).get(0);

      assertThat(video)
          .startsWith("m=video ")
          .doesNotContain("a=simulcast")
          .doesNotContain("a=rid:");
      assertThat(SdpLines.lines(video, "a=ssrc:")).isNotEmpty();
    }
  }

  @Test
  void receiveOnlyOfferHasRecvonlyMediaSections() {
    try (TestPeer peer = env.newPeer("viewer").receiveAudio().receiveVideo(3).build()) {
      String offer = peer.createOffer();
      System.out.println("=== receive-only offer\n" + offer);

      List<String> sections = SdpLines.mediaSections(offer);
      assertThat(sections).hasSize(4);
      assertThat(sections.get(0)).startsWith("m=audio ");
      assertThat(sections.subList(1, 4)).allSatisfy(s -> assertThat(s).startsWith("m=video "));
      assertThat(sections)
          .allSatisfy(s -> assertThat(s).contains("a=recvonly").doesNotContain("a=ssrc:"));
      assertThat(peer.receivedAudio()).extracting(ReceivedAudio::mid).containsExactly("0");
      assertThat(peer.receivedVideo())
          .extracting(ReceivedVideo::mid)
          .containsExactly("1", "2", "3");
      assertThat(peer.receivedVideo("2")).get().extracting(ReceivedVideo::index).isEqualTo(1);
    }
  }

  @Test
  void addingReceiversAndOfferingAgainAddsMediaSections() {
    try (TestPeer peer = env.newPeer("grower").receiveVideo(1).build()) {
      assertThat(SdpLines.mediaSections(peer.createOffer())).hasSize(1);

      List<ReceivedVideo> added = peer.addReceiveVideo(2);
      String second = peer.createOffer();

      assertThat(SdpLines.mediaSections(second)).hasSize(3);
      assertThat(added).extracting(ReceivedVideo::mid).containsExactly("1", "2");
    }
  }

  @Test
  void setAnswerFailsWithLibwebrtcsText() {
    try (TestPeer peer = env.newPeer("rejected").sendAudio(440).receiveVideo(1).build()) {
      peer.createOffer();

      assertThatThrownBy(() -> peer.setAnswer("v=0\r\nthis is not sdp\r\n"))
          .isInstanceOf(PeerOperationException.class)
          .hasMessageContaining("rejected: setRemoteDescription(ANSWER) failed: ")
          .satisfies(e -> System.out.println("=== setAnswer error: " + e.getMessage()));
      assertThat(env.audioPump().isHeld(peer)).isFalse();
    }
  }

  @Test
  void offerAfterCloseIsRefused() {
    TestPeer peer = env.newPeer("gone").receiveVideo(1).build();
    peer.close();
    peer.close();

    assertThatThrownBy(peer::createOffer).isInstanceOf(IllegalStateException.class);
    assertThat(peer.isClosed()).isTrue();
  }
}
