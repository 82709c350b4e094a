package dev.podium.loadkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.server.boot.PodiumServer;
import dev.podium.server.boot.ServerConfig;
import dev.podium.testkit.PeerEnvironment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Twenty light viewers and one real webrtc-java publisher in one meeting of a real server: every
 * viewer decrypts audio and video (no SRTP authentication failure) and sees a VP8 key frame. Five
 * viewers join before the publisher, so their video arrives through a renegotiation.
 */
class LightViewerEndToEndTest {
  private static final String KEY = "loadkit-test-key-0123456789";
  private static final int EARLY_VIEWERS = 5;
  private static final int LATE_VIEWERS = 15;

  private static PodiumServer server;
  private static ControlApi api;
  private static PeerEnvironment peers;
  private static LightPeerEngine engine;

  @BeforeAll
  static void start() {
    server = PodiumServer.start(ServerConfig.ephemeral(KEY));
    api = new ControlApi(server.httpPort(), KEY);
    peers = PeerEnvironment.create();
    engine = LightPeerEngine.start();
  }

  @AfterAll
  static void stop() {
    engine.close();
    peers.close();
    server.close();
  }

  @Test
  void twentyLightViewersDecryptAudioAndVideoFromOnePublisher() throws Exception {
    ControlApi.Meeting meeting = api.createMeeting("light-e2e");
    String publisherToken = api.createAttendees(meeting, "publisher", 1).get(0);
    List<String> tokens = api.createAttendees(meeting, "viewer", EARLY_VIEWERS + LATE_VIEWERS);
    List<LightViewer> viewers = new ArrayList<>();
    try {
      for (int i = 0; i < EARLY_VIEWERS; i++) {
        viewers.add(join(meeting, tokens.get(i)));
      }
      assertThat(viewers).allSatisfy(v -> assertThat(v.boundSources()).isEmpty());
      try (Publisher ignored =
          Publisher.publish(
              peers.newPeer("publisher").sendAudio(440).sendVideo(320, 180, 15, 1).build(),
              meeting.signalingUrl(),
              publisherToken)) {
        for (int i = EARLY_VIEWERS; i < tokens.size(); i++) {
          viewers.add(join(meeting, tokens.get(i)));
        }
        for (LightViewer viewer : viewers) {
          assertThat(viewer.awaitMedia(25, 25, Duration.ofSeconds(10)))
              .as("media for %s: %s", viewer.peer(), viewer.peer().stats())
              .isTrue();
        }
        for (LightViewer viewer : viewers) {
          LightPeerStats stats = viewer.peer().stats();
          assertThat(stats.authFailures()).isZero();
          assertThat(stats.videoKeyFrameSeen()).isTrue();
          assertThat(stats.otherDrops()).isZero();
          // No SRTCP to check: the server sends viewers no RTCP (no sender reports) today.
          assertThat(viewer.boundSources()).hasSize(1).containsKey("1");
          assertThat(stats.streams())
              .filteredOn(s -> s.kind().equals("video"))
              .allSatisfy(s -> assertThat(s.mid()).isEqualTo("1"));
        }
        assertThat(viewers.subList(0, EARLY_VIEWERS))
            .allSatisfy(v -> assertThat(v.answers()).isEqualTo(2));
        printJoinTimes(viewers.subList(EARLY_VIEWERS, viewers.size()));
      }
    } finally {
      viewers.forEach(LightViewer::close);
    }
  }

  private static LightViewer join(ControlApi.Meeting meeting, String token) {
    return LightViewer.join(engine, meeting.signalingUrl(), token, 1, Duration.ofSeconds(10));
  }

  private static void printJoinTimes(List<LightViewer> viewers) {
    long[] millis =
        viewers.stream()
            .mapToLong(v -> TimeUnit.NANOSECONDS.toMillis(v.peer().joinToMediaNanos()))
            .sorted()
            .toArray();
    System.out.printf(
        "light viewers joined after the publisher: join → first decrypted RTP median %d ms, max"
            + " %d ms (n=%d); PLIs sent by all viewers: %d%n",
        millis[millis.length / 2],
        millis[millis.length - 1],
        millis.length,
        viewers.stream().mapToLong(v -> v.peer().stats().pictureLossSent()).sum());
  }
}
