package dev.podium.media.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.media.MediaEngineHarness;
import dev.podium.media.routing.Consumer;
import dev.podium.media.routing.Producer;
import dev.podium.media.session.MediaSession;
import dev.podium.media.transport.Impairment;
import dev.podium.testkit.PeerEnvironment;
import dev.podium.testkit.ReceivedVideo;
import dev.podium.testkit.TestPeer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Simulcast layer selection, bandwidth adaptation and loss recovery with real libwebrtc peers
 * (webrtc-java) through the real media engine on 127.0.0.1, checked by what the receivers decode.
 */
class SimulcastInteropTest {
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
  void tileSizeChoosesTheLayerAndAConstrainedDownlinkFallsToTheLowLayerWithoutFreezing()
      throws Exception {
    TestPeer publisher = peers.newPeer("publisher").sendVideo(640, 360, 30, 2).build();
    Producer video = harness.publish(publisher).producers().get(0);
    assertThat(video.rids()).hasSize(2);
    await("both layers flowing", Duration.ofSeconds(15), () -> bothLayersActive(video));

    TestPeer large = peers.newPeer("large").receiveVideo(1).build();
    MediaSession largeSession = harness.subscribe(large, List.of(video));
    String largeMid = large.receivedVideo().get(0).mid();
    largeSession.setConsumerPreferences(largeMid, 1, 640, 360);

    TestPeer small = peers.newPeer("small").receiveVideo(1).build();
    MediaSession smallSession = harness.subscribe(small, List.of(video));
    smallSession.setConsumerPreferences(small.receivedVideo().get(0).mid(), 1, 320, 180);

    ReceivedVideo largeVideo = large.receivedVideo().get(0);
    ReceivedVideo smallVideo = small.receivedVideo().get(0);
    largeVideo.awaitFrames(30, Duration.ofSeconds(10));
    smallVideo.awaitFrames(30, Duration.ofSeconds(10));
    await("large tile decodes 640x360", Duration.ofSeconds(10), () -> width(largeVideo) == 640);
    await("small tile decodes 320x180", Duration.ofSeconds(10), () -> width(smallVideo) == 320);
    assertThat(largeVideo.lastHeight()).isEqualTo(360);
    assertThat(smallVideo.lastHeight()).isEqualTo(180);

    // ~300 kbps bottleneck on the large-tile subscriber's downlink.
    Impairment bottleneck = Impairment.outgoingRate(300_000, 20_000);
    long constrainedAt = System.nanoTime();
    largeSession.transport().setImpairment(bottleneck);
    await("large tile falls to 320x180", Duration.ofSeconds(5), () -> width(largeVideo) == 320);
    Duration fellAfter = Duration.ofNanos(System.nanoTime() - constrainedAt);
    long framesAtFall = largeVideo.frameCount();
    Thread.sleep(4_000);
    long end = System.nanoTime();
    Consumer consumer = largeSession.consumer(largeMid).orElseThrow();
    System.out.printf(
        "SIMULCAST fell to low layer after %d ms; largest gap %d ms; frames after fall %d;"
            + " estimate %d bps; bottleneck drops %d; resent %d; paused %s%n",
        fellAfter.toMillis(),
        largeVideo.largestGapBetween(constrainedAt, end).toMillis(),
        largeVideo.frameCount() - framesAtFall,
        largeSession.downlinkEstimateBps(),
        bottleneck.droppedOutgoing(),
        consumer.resentPackets(),
        consumer.isPausedByBandwidth());
    assertThat(fellAfter).isLessThan(Duration.ofSeconds(5));
    assertThat(largeVideo.largestGapBetween(constrainedAt, end))
        .as("no freeze longer than 1 s after the constraint")
        .isLessThan(Duration.ofSeconds(1));
    assertThat(largeVideo.frameCount() - framesAtFall).as("video keeps flowing").isGreaterThan(40);
    assertThat(smallVideo.lastWidth()).isEqualTo(320);
  }

  @Test
  void nackAndRtxRecoverFivePercentUplinkLoss() throws Exception {
    TestPeer publisher = peers.newPeer("publisher").sendVideo(640, 360, 15, 1).build();
    MediaEngineHarness.Published published = harness.publish(publisher);
    Producer video = published.producers().get(0);
    TestPeer receiver = peers.newPeer("receiver").receiveVideo(1).build();
    harness.subscribe(receiver, List.of(video));
    ReceivedVideo received = receiver.receivedVideo().get(0);
    received.awaitFrames(15, Duration.ofSeconds(10));
    Thread.sleep(1_000);

    Impairment loss = Impairment.incomingLoss(0.05, 42);
    published.session().transport().setImpairment(loss);
    long latencyMillis = 300; // decoded frames trail pushed ones; count both windows shifted alike
    long pushedBefore = publisher.videoFramesPushed();
    Thread.sleep(latencyMillis);
    long decodedBefore = received.frameCount();
    Thread.sleep(10_000 - latencyMillis);
    long pushedAfter = publisher.videoFramesPushed();
    Thread.sleep(latencyMillis);
    long decodedAfter = received.frameCount();
    published.session().transport().setImpairment(null);

    long pushed = pushedAfter - pushedBefore;
    long decoded = decodedAfter - decodedBefore;
    System.out.printf(
        "LOSS pushed %d decoded %d (%.1f %%); packets dropped %d; drops %s%n",
        pushed,
        decoded,
        100.0 * decoded / pushed,
        loss.droppedIncoming(),
        harness.engine.counters().dropSnapshot());
    assertThat(loss.droppedIncoming()).as("loss was injected").isGreaterThanOrEqualTo(10);
    assertThat((double) decoded / pushed).isGreaterThanOrEqualTo(0.95);
  }

  private boolean bothLayersActive(Producer video) {
    return onLoop(
        () -> {
          long now = harness.router.clock().getAsLong();
          return video.isLayerActive(0, now) && video.isLayerActive(1, now);
        });
  }

  private static int width(ReceivedVideo video) {
    return video.lastWidth();
  }

  private <T> T onLoop(Callable<T> task) {
    CompletableFuture<T> result = new CompletableFuture<>();
    harness.router.execute(
        () -> {
          try {
            result.complete(task.call());
          } catch (Exception e) {
            result.completeExceptionally(e);
          }
        });
    try {
      return result.get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void await(String what, Duration timeout, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + timeout + ": " + what);
      }
      Thread.sleep(50);
    }
  }
}
