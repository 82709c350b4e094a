package dev.podium.loadkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.server.boot.PodiumServer;
import dev.podium.server.boot.ServerConfig;
import dev.podium.server.meeting.MeetingId;
import dev.podium.server.signaling.Rooms;
import dev.podium.testkit.PeerEnvironment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Seed 000 at test scale: one primary with a real webrtc-java presenter and four replicas of 25
 * light viewers each. Every viewer receives the presenter's audio and video, and the primary's
 * video producer hands each packet once to each replica (one pipe per replica, no consumer in the
 * primary), whatever the number of viewers.
 */
class ReplicationScaleTest {
  private static final String KEY = "replication-scale-key-012345";
  private static final int REPLICAS = 4;
  private static final int VIEWERS_PER_REPLICA = 25;

  @Test
  void hundredViewersInFourReplicasReceiveThePresenterThroughOnePipePerReplica() throws Exception {
    try (PodiumServer server = PodiumServer.start(ServerConfig.ephemeral(KEY));
        PeerEnvironment peers = PeerEnvironment.create();
        LightPeerEngine engine = LightPeerEngine.start()) {
      ControlApi api = new ControlApi(server.httpPort(), KEY);
      ControlApi.Meeting primary = api.createMeeting("scale-primary");
      String presenterToken = api.createAttendees(primary, "presenter", 1).get(0);
      List<LightViewer> viewers = new ArrayList<>();
      try (Publisher presenter =
          Publisher.publish(
              peers.newPeer("presenter").sendAudio(440).sendVideo(320, 180, 15, 1).build(),
              primary.signalingUrl(),
              presenterToken)) {
        for (int r = 0; r < REPLICAS; r++) {
          ControlApi.Meeting replica = api.createReplica(primary, "scale-replica-" + r);
          for (String token : api.createAttendees(replica, "viewer-" + r, VIEWERS_PER_REPLICA)) {
            viewers.add(
                LightViewer.join(engine, replica.signalingUrl(), token, 1, Duration.ofSeconds(20)));
          }
        }
        for (LightViewer viewer : viewers) {
          assertThat(viewer.awaitMedia(25, 25, Duration.ofSeconds(20)))
              .as("media for %s: %s", viewer.peer(), viewer.peer().stats())
              .isTrue();
          assertThat(viewer.peer().stats().authFailures()).isZero();
          assertThat(viewer.peer().stats().videoKeyFrameSeen()).isTrue();
        }

        List<Rooms.ReplicationFanout> fanout =
            server.rooms().replicationFanout(MeetingId.parse(primary.meetingId()));
        Rooms.ReplicationFanout video =
            fanout.stream().filter(f -> f.kind().equals("video")).findFirst().orElseThrow();
        assertThat(video.consumersPerPipe())
            .as("one pipe per replica, fanning out to its own viewers")
            .containsExactly(
                VIEWERS_PER_REPLICA, VIEWERS_PER_REPLICA, VIEWERS_PER_REPLICA, VIEWERS_PER_REPLICA);
        assertThat(video.consumersInPrimary()).as("no per-viewer work in the primary").isZero();
        // Audio reaches viewers as the primary's one shared mix encoding, not through pipes.
        assertThat(fanout.stream().filter(f -> f.kind().equals("audio")))
            .allSatisfy(a -> assertThat(a.consumersPerPipe()).isEmpty());
      } finally {
        viewers.forEach(LightViewer::close);
      }
    }
  }
}
