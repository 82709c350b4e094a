package dev.podium.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** One environment carries a hundred peers: creation, offers, pushing and shutdown stay cheap. */
@Timeout(120)
class ScaleTest {

  @Test
  void hundredPeersShareOneEnvironment() throws Exception {
    int count = 100;
    long start = System.nanoTime();
    long created;
    long offered;
    try (PeerEnvironment env = PeerEnvironment.create()) {
      List<TestPeer> peers = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        peers.add(
            env.newPeer("p" + i).sendAudio(200 + 10 * i).receiveAudio().receiveVideo(2).build());
      }
      created = System.nanoTime();
      for (TestPeer peer : peers) {
        assertThat(peer.createOffer()).contains("a=mid:3");
      }
      offered = System.nanoTime();
      Thread.sleep(500);
      assertThat(peers).allSatisfy(p -> assertThat(p.audioBlocksPushed()).isGreaterThan(20));
      assertThat(env.openPeerCount()).isEqualTo(count);
    }
    long closed = System.nanoTime();
    System.out.printf(
        "=== %d peers: create %d ms, offers %d ms, close %d ms%n",
        count,
        (created - start) / 1_000_000,
        (offered - created) / 1_000_000,
        (closed - offered - 500_000_000L) / 1_000_000);
  }

  @Test
  void gatheringCompletesAndShowsWhatThePeerAdvertises() {
    try (PeerEnvironment env = PeerEnvironment.create();
        TestPeer peer = env.newPeer("gatherer").receiveVideo(1).build()) {
      String offer = peer.createOffer();
      String gathered = peer.awaitIceGatheringComplete(Duration.ofSeconds(10));

      System.out.println(
          "=== candidates right after createOffer: " + SdpLines.lines(offer, "a=candidate"));
      System.out.println("=== candidates after gathering: " + peer.localCandidates());
      assertThat(gathered).startsWith("v=0");
      assertThat(SdpLines.lines(gathered, "a=candidate").size())
          .isEqualTo(peer.localCandidates().size());
    }
  }
}
