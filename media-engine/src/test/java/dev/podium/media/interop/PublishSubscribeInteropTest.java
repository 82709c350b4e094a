package dev.podium.media.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.media.MediaEngineHarness;
import dev.podium.media.routing.MediaKind;
import dev.podium.media.routing.Producer;
import dev.podium.testkit.PeerEnvironment;
import dev.podium.testkit.ReceivedAudio;
import dev.podium.testkit.ReceivedVideo;
import dev.podium.testkit.TestPeer;
import dev.podium.testkit.Tones;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Real libwebrtc peers (webrtc-java) through the real media engine on 127.0.0.1: ICE-lite, DTLS,
 * SRTP, SDP and the first router, checked by what the receiver decodes and hears.
 */
class PublishSubscribeInteropTest {
  private static final double TONE_HZ = 440;

  private MediaEngineHarness harness;
  private PeerEnvironment peers;

  @BeforeEach
  void start() throws Exception {
    harness = new MediaEngineHarness();
    peers = PeerEnvironment.create();
  }

  @AfterEach
  void stop() {
    peers.close();
    harness.close();
  }

  @Test
  void receiverDecodesPublishedVideoAndHearsPublishedAudio() throws Exception {
    TestPeer publisher =
        peers.newPeer("publisher").sendAudio(TONE_HZ).sendVideo(640, 360, 30, 1).build();
    MediaEngineHarness.Published published = harness.publish(publisher);
    assertThat(published.producers())
        .extracting(Producer::kind)
        .containsExactlyInAnyOrder(MediaKind.AUDIO, MediaKind.VIDEO);

    TestPeer receiver = peers.newPeer("receiver").receiveAudio(1).receiveVideo(1).build();
    long started = System.nanoTime();
    harness.subscribe(receiver, published.producers());

    ReceivedVideo video = receiver.receivedVideo().get(0);
    video.awaitFrames(30, Duration.ofSeconds(10));
    assertThat(video.lastWidth()).isEqualTo(640);
    assertThat(video.lastHeight()).isEqualTo(360);

    ReceivedAudio audio = receiver.receivedAudio().get(0);
    audio.awaitSamples(48_000, Duration.ofSeconds(10));
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    short[] pcm = audio.recentPcm(Duration.ofMillis(500));
    assertThat(Tones.hears(pcm, audio.sampleRate(), TONE_HZ))
        .as("receiver hears the publisher's %s Hz tone", TONE_HZ)
        .isTrue();
    assertThat(Tones.hears(pcm, audio.sampleRate(), 1000)).isFalse();
  }

  @Test
  void simulcastPublisherIsForwardedAtItsHighestLayer() throws Exception {
    TestPeer publisher = peers.newPeer("publisher").sendVideo(640, 360, 30, 2).build();
    MediaEngineHarness.Published published = harness.publish(publisher);
    Producer video = published.producers().get(0);
    assertThat(video.rids()).hasSize(2);

    TestPeer receiver = peers.newPeer("receiver").receiveVideo(1).build();
    harness.subscribe(receiver, List.of(video));

    ReceivedVideo received = receiver.receivedVideo().get(0);
    try {
      received.awaitFrames(30, Duration.ofSeconds(10));
    } finally {
      System.out.println(
          "DEBUG drops "
              + harness.engine.counters().dropSnapshot()
              + " in "
              + harness.engine.counters().packetsIn());
    }
    assertThat(received.lastWidth()).isEqualTo(640);
    assertThat(received.lastHeight()).isEqualTo(360);
  }
}
