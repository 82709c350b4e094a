package dev.podium.media.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.media.MediaEngineHarness;
import dev.podium.media.routing.MediaKind;
import dev.podium.media.routing.Producer;
import dev.podium.media.session.MediaSession;
import dev.podium.media.session.Negotiation;
import dev.podium.testkit.PeerEnvironment;
import dev.podium.testkit.ReceivedVideo;
import dev.podium.testkit.TestPeer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Adding and removing a forwarded source renegotiates the existing peer connection: same transport,
 * no new ICE or DTLS.
 */
class RenegotiationInteropTest {

  @Test
  void addingAndRemovingASourceReusesTheConnection() throws Exception {
    try (MediaEngineHarness harness = new MediaEngineHarness();
        PeerEnvironment peers = PeerEnvironment.create()) {
      TestPeer publisher =
          peers.newPeer("publisher").sendAudio(440).sendVideo(320, 180, 30, 1).build();
      List<Producer> sources = harness.publish(publisher).producers();
      Producer audio = only(sources, MediaKind.AUDIO);
      Producer video = only(sources, MediaKind.VIDEO);

      TestPeer viewer = peers.newPeer("viewer").receiveAudio(1).build();
      MediaSession session = harness.subscribe(viewer, List.of(audio));
      String transportId = session.transport().id();
      int transports = harness.engine.transportCount();
      viewer.receivedAudio().get(0).awaitSamples(4_800, Duration.ofSeconds(10));

      // Add a video receiver on the same connection and bind it to the publisher's camera.
      ReceivedVideo slot = viewer.addReceiveVideo(1).get(0);
      String offer = viewer.createOffer();
      Map<String, String> bindings = new HashMap<>();
      bindings.put(viewer.receivedAudio().get(0).mid(), audio.id());
      bindings.put(slot.mid(), video.id());
      Negotiation added = session.negotiate(offer, bindings).get(5, TimeUnit.SECONDS);
      viewer.setAnswer(added.answerSdp());
      slot.awaitFrames(20, Duration.ofSeconds(10));
      assertThat(slot.lastWidth()).isEqualTo(320);
      assertThat(session.transport().id()).isEqualTo(transportId);
      assertThat(harness.engine.transportCount()).isEqualTo(transports);
      assertThat(video.consumers()).hasSize(1);

      // Unbind it again: the consumer goes away and frames stop, the connection stays.
      bindings.remove(slot.mid());
      Negotiation removed =
          session.negotiate(viewer.createOffer(), bindings).get(5, TimeUnit.SECONDS);
      viewer.setAnswer(removed.answerSdp());
      assertThat(removed.answerSdp()).contains("a=inactive");
      assertThat(video.consumers()).isEmpty();
      long frames = slot.frameCount();
      Thread.sleep(500);
      assertThat(slot.frameCount() - frames).isLessThanOrEqualTo(2);
      assertThat(session.transport().id()).isEqualTo(transportId);
      viewer
          .receivedAudio()
          .get(0)
          .awaitSamples(viewer.receivedAudio().get(0).sampleCount() + 4_800, Duration.ofSeconds(5));
    }
  }

  private static Producer only(List<Producer> producers, MediaKind kind) {
    return producers.stream().filter(p -> p.kind() == kind).findFirst().orElseThrow();
  }
}
