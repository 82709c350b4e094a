package dev.podium.server.signaling;

import static dev.podium.server.signaling.ReplicationTestSupport.signalingUrl;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.podium.server.api.ApiClient;
import dev.podium.server.boot.PodiumServer;
import dev.podium.server.boot.ServerConfig;
import dev.podium.server.protocol.ClientMessage;
import dev.podium.server.protocol.ServerMessage;
import dev.podium.server.protocol.StatusCode;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The webinar workflow on the signaling channel: raise hand, the host's queue, bring to stage
 * (private credentials), send back, server-side mute and removal.
 */
class WebinarWorkflowTest {
  private static final String KEY = "webinar-workflow-key-0123";
  private static final Duration WAIT = Duration.ofSeconds(5);
  private static PodiumServer server;
  private static ReplicationTestSupport control;

  @BeforeAll
  static void start() {
    server = PodiumServer.start(ServerConfig.ephemeral(KEY));
    control =
        new ReplicationTestSupport(new ApiClient("http://127.0.0.1:" + server.httpPort(), KEY));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aRaisedHandIsBroughtToTheStageAndSentBack() throws Exception {
    JsonNode primary = control.createMeeting("{}");
    String primaryId = primary.get("MeetingId").asText();
    JsonNode replica = control.createReplica(primaryId);
    JsonNode hostCreds = control.createAttendee(primaryId, "host", "host");
    JsonNode presenterCreds = control.createAttendee(primaryId, "presenter", null);
    JsonNode viewerCreds =
        control.createAttendee(replica.get("MeetingId").asText(), "curious-viewer", null);

    try (SignalingTestClient host = join(signalingUrl(primary), hostCreds);
        SignalingTestClient presenter = join(signalingUrl(primary), presenterCreds);
        SignalingTestClient viewer = join(signalingUrl(replica), viewerCreds)) {
      String viewerId = viewerCreds.get("AttendeeId").asText();
      assertThat(host.await(ServerMessage.Audience.class, a -> a.viewers() == 1, WAIT).replicas())
          .isEqualTo(1);

      // Only audience members raise hands; only hosts see the queue and act on it.
      presenter.send(new ClientMessage.RaiseHand("ph", true));
      assertThat(presenter.status("ph").code()).isEqualTo(StatusCode.NOT_A_REPLICA_ATTENDEE);
      viewer.send(new ClientMessage.RaiseHand("h", true));
      assertThat(viewer.status("h").code()).isEqualTo(StatusCode.OK);
      ServerMessage.HandQueue queue =
          host.await(ServerMessage.HandQueue.class, q -> q.hands().size() == 1, WAIT);
      assertThat(queue.hands().get(0).attendeeId()).isEqualTo(viewerId);
      assertThat(queue.hands().get(0).externalUserId()).isEqualTo("curious-viewer");
      presenter.send(new ClientMessage.HostAction("pa", "bring-to-stage", viewerId));
      assertThat(presenter.status("pa").code()).isEqualTo(StatusCode.NOT_A_HOST);

      // Bring to stage: the viewer alone receives primary credentials and promotes itself.
      host.send(new ClientMessage.HostAction("b", "bring-to-stage", viewerId));
      assertThat(host.status("b").code()).isEqualTo(StatusCode.OK);
      host.await(ServerMessage.HandQueue.class, q -> q.hands().isEmpty(), WAIT);
      ServerMessage.StageInvitation invitation = viewer.await(ServerMessage.StageInvitation.class);
      assertThat(invitation.primaryMeetingId()).isEqualTo(primaryId);
      assertThat(presenter.history()).noneMatch(m -> m instanceof ServerMessage.StageInvitation);
      viewer.send(new ClientMessage.Promote("p1", invitation.joinToken()));
      ServerMessage.Promoted promoted =
          viewer.await(ServerMessage.Promoted.class, p -> "p1".equals(p.requestId()), WAIT);
      String stageId = promoted.as().attendeeId();
      assertThat(stageId).isEqualTo(invitation.attendeeId());
      presenter.await(
          ServerMessage.Presence.class,
          p -> p.attendeeId().equals(stageId) && p.state() == ServerMessage.PresenceState.JOINED,
          WAIT);

      // Send back, promote again with the same invitation, server-side mute, then removal.
      host.send(new ClientMessage.HostAction("s", "send-back", stageId));
      assertThat(host.status("s").code()).isEqualTo(StatusCode.OK);
      assertThat(viewer.await(ServerMessage.Demoted.class).code())
          .isEqualTo(StatusCode.DEMOTED_BY_SERVER);
      viewer.send(new ClientMessage.Promote("p2", invitation.joinToken()));
      viewer.await(ServerMessage.Promoted.class, p -> "p2".equals(p.requestId()), WAIT);
      host.send(new ClientMessage.HostAction("m", "mute", stageId));
      assertThat(host.status("m").code()).isEqualTo(StatusCode.OK);
      viewer.await(
          ServerMessage.MuteState.class, m -> m.attendeeId().equals(stageId) && m.muted(), WAIT);
      host.send(new ClientMessage.HostAction("r", "remove", stageId));
      assertThat(host.status("r").code()).isEqualTo(StatusCode.OK);
      assertThat(viewer.await(ServerMessage.Demoted.class).code())
          .isEqualTo(StatusCode.DEMOTED_BY_SERVER);
      viewer.send(new ClientMessage.Promote("p3", invitation.joinToken()));
      assertThat(viewer.status("p3").code()).isEqualTo(StatusCode.PROMOTION_REJECTED);

      host.send(new ClientMessage.HostAction("x", "dismiss", viewerId));
      assertThat(host.status("x").code()).isEqualTo(StatusCode.ATTENDEE_NOT_FOUND);
      host.send(new ClientMessage.HostAction("y", "juggle", viewerId));
      assertThat(host.status("y").code()).isEqualTo(StatusCode.BAD_REQUEST);
    }
  }

  private static SignalingTestClient join(String url, JsonNode credentials)
      throws InterruptedException {
    SignalingTestClient client = SignalingTestClient.connect(url);
    client.send(
        new ClientMessage.Join("join", 1, credentials.get("JoinToken").asText(), null, null));
    client.await(ServerMessage.Joined.class);
    return client;
  }
}
