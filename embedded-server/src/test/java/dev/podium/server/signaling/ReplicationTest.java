package dev.podium.server.signaling;

import static dev.podium.server.signaling.ReplicationTestSupport.awaitTone;
import static dev.podium.server.signaling.ReplicationTestSupport.signalingUrl;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.podium.media.net.DropReason;
import dev.podium.server.api.ApiClient;
import dev.podium.server.boot.PodiumServer;
import dev.podium.server.boot.ServerConfig;
import dev.podium.server.protocol.ClientMessage;
import dev.podium.server.protocol.ServerMessage;
import dev.podium.server.protocol.StatusCode;
import dev.podium.testkit.PeerEnvironment;
import dev.podium.testkit.ReceivedVideo;
import dev.podium.testkit.TestPeer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Replicated meetings with real webrtc-java peers: a presenter in the primary, viewers in two
 * replicas; promotion and the three ways of demotion over the same connection.
 */
class ReplicationTest {
  private static final String KEY = "replication-test-key-0123";
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static PodiumServer server;
  private static ApiClient api;
  private static ReplicationTestSupport control;
  private static PeerEnvironment peers;

  @BeforeAll
  static void start() {
    server = PodiumServer.start(ServerConfig.ephemeral(KEY));
    api = new ApiClient("http://127.0.0.1:" + server.httpPort(), KEY);
    control = new ReplicationTestSupport(api);
    peers = PeerEnvironment.create();
  }

  @AfterAll
  static void stop() {
    peers.close();
    server.close();
  }

  @Test
  void viewersSeeAndHearThePrimaryOnlyAndArePromotedAndDemotedOverTheirConnection()
      throws Exception {
    JsonNode primary = control.createMeeting("{\"ExternalMeetingId\":\"webinar\"}");
    String primaryId = primary.get("MeetingId").asText();
    JsonNode replica1 = control.createReplica(primaryId);
    JsonNode replica2 = control.createReplica(primaryId);
    JsonNode presenterCreds = control.createAttendee(primaryId, "presenter", null);
    JsonNode viewerACreds =
        control.createAttendee(replica1.get("MeetingId").asText(), "viewer-a", null);
    JsonNode viewerBCreds =
        control.createAttendee(replica2.get("MeetingId").asText(), "viewer-b", null);

    TestPeer presenterPeer =
        peers
            .newPeer("presenter")
            .sendAudio(440)
            .sendVideo(320, 180, 30, 1)
            .receiveAudio(1)
            .receiveVideo(1)
            .build();
    // Viewers have microphones and A a camera too: what they send is dropped until promoted.
    TestPeer viewerAPeer =
        peers
            .newPeer("viewer-a")
            .sendAudio(660)
            .sendVideo(320, 180, 30, 1)
            .receiveAudio(1)
            .receiveVideo(1)
            .build();
    TestPeer viewerBPeer =
        peers.newPeer("viewer-b").sendAudio(880).receiveAudio(1).receiveVideo(2).build();

    try (JoinedPeer presenter =
            JoinedPeer.join(presenterPeer, signalingUrl(primary), token(presenterCreds));
        JoinedPeer viewerA =
            JoinedPeer.join(viewerAPeer, signalingUrl(replica1), token(viewerACreds));
        JoinedPeer viewerB =
            JoinedPeer.join(viewerBPeer, signalingUrl(replica2), token(viewerBCreds))) {
      presenter.negotiate(List.of());
      assertThat(viewerA.joined.canStartLocalVideo()).isFalse();
      assertThat(viewerA.joined.attendees())
          .extracting(ServerMessage.AttendeeInfo::externalUserId)
          .containsExactly("presenter");
      ServerMessage.Sources stageForA = awaitSources(viewerA, 1);
      ServerMessage.Sources stageForB = awaitSources(viewerB, 1);
      assertThat(stageForA.sources().get(0).attendeeId()).isEqualTo(presenter.attendeeId());
      viewerA.negotiate(stageForA.sources());
      viewerA.signaling.await(
          ServerMessage.Status.class, s -> s.code() == StatusCode.VIDEO_SEND_UNAVAILABLE, WAIT);
      viewerB.negotiate(stageForB.sources());

      // Each viewer sees and hears the presenter, nothing of the other viewer.
      for (JoinedPeer viewer : List.of(viewerA, viewerB)) {
        ReceivedVideo video = viewer.peer.receivedVideo().get(0);
        video.awaitFrames(30, WAIT);
        assertThat(video.lastWidth()).isEqualTo(320);
        awaitTone(viewer.peer.receivedAudio().get(0), 440, true, WAIT);
      }
      awaitTone(viewerBPeer.receivedAudio().get(0), 660, false, WAIT);
      awaitTone(viewerAPeer.receivedAudio().get(0), 880, false, WAIT);
      awaitTone(presenterPeer.receivedAudio().get(0), 660, false, WAIT);
      awaitTone(presenterPeer.receivedAudio().get(0), 880, false, WAIT);
      assertThat(server.media().counters().drops(DropReason.NOT_PERMITTED))
          .as("viewer media dropped, not forwarded")
          .isPositive();
      viewerA.signaling.send(new ClientMessage.SendData("d", "chat", "aGk=", null));
      assertThat(viewerA.signaling.status("d").code()).isEqualTo(StatusCode.NOT_PERMITTED);

      // Refused promotions: credentials of another meeting, garbage.
      JsonNode other = control.createMeeting("{}");
      JsonNode otherCreds =
          control.createAttendee(other.get("MeetingId").asText(), "stranger", null);
      assertThat(promote(viewerA, token(otherCreds))).isEqualTo(StatusCode.PROMOTION_WRONG_PRIMARY);
      assertThat(promote(viewerA, "not-a-token")).isEqualTo(StatusCode.PROMOTION_REJECTED);
      presenter.signaling.send(new ClientMessage.Demote("pd"));
      assertThat(presenter.signaling.status("pd").code())
          .isEqualTo(StatusCode.NOT_A_REPLICA_ATTENDEE);

      // Promotion: the presenter and viewer B hear A; A does not hear itself; A may send video.
      JsonNode stageCreds = control.createAttendee(primaryId, "viewer-a-on-stage", null);
      ServerMessage.Promoted promoted = promoteOk(viewerA, token(stageCreds));
      String stageId = stageCreds.get("AttendeeId").asText();
      assertThat(promoted.as().attendeeId()).isEqualTo(stageId);
      viewerA.signaling.await(
          ServerMessage.VideoAvailability.class,
          ServerMessage.VideoAvailability::canStartLocalVideo,
          WAIT);
      presenter.signaling.await(
          ServerMessage.Presence.class,
          p -> p.attendeeId().equals(stageId) && p.state() == ServerMessage.PresenceState.JOINED,
          WAIT);
      awaitTone(presenterPeer.receivedAudio().get(0), 660, true, WAIT);
      awaitTone(viewerBPeer.receivedAudio().get(0), 660, true, WAIT);
      awaitTone(viewerAPeer.receivedAudio().get(0), 660, false, WAIT);
      ServerMessage.Sources withA =
          presenter.signaling.await(
              ServerMessage.Sources.class,
              s -> s.sources().stream().anyMatch(src -> src.attendeeId().equals(stageId)),
              WAIT);
      presenter.negotiate(withA.sources());
      presenterPeer.receivedVideo().get(0).awaitFrames(20, WAIT);

      // Demotion 1: by the client.
      viewerA.signaling.send(new ClientMessage.Demote("dem"));
      assertThat(viewerA.signaling.status("dem").code()).isEqualTo(StatusCode.OK);
      assertThat(viewerA.signaling.await(ServerMessage.Demoted.class).code())
          .isEqualTo(StatusCode.DEMOTED_BY_CLIENT);
      presenter.signaling.await(
          ServerMessage.Presence.class,
          p -> p.attendeeId().equals(stageId) && p.state() == ServerMessage.PresenceState.LEFT,
          WAIT);
      awaitTone(presenterPeer.receivedAudio().get(0), 660, false, WAIT);

      // Promote again with the same credentials; demotion 2: DeleteAttendee of them.
      promoteOk(viewerA, token(stageCreds));
      awaitTone(presenterPeer.receivedAudio().get(0), 660, true, WAIT);
      assertThat(api.delete("/meetings/" + primaryId + "/attendees/" + stageId).status())
          .isEqualTo(204);
      assertThat(viewerA.signaling.await(ServerMessage.Demoted.class).code())
          .isEqualTo(StatusCode.DEMOTED_BY_SERVER);
      awaitTone(presenterPeer.receivedAudio().get(0), 660, false, WAIT);
      assertThat(promote(viewerA, token(stageCreds))).isEqualTo(StatusCode.PROMOTION_REJECTED);

      // Demotion 3: the connection drops; told after resuming.
      JsonNode secondSeat = control.createAttendee(primaryId, "viewer-a-again", null);
      promoteOk(viewerA, token(secondSeat));
      String resumeToken = viewerA.joined.resumeToken();
      viewerA.signaling.abort();
      try (SignalingTestClient resumed = SignalingTestClient.connect(signalingUrl(replica1))) {
        resumed.send(new ClientMessage.Join("r", 1, token(viewerACreds), resumeToken, Map.of()));
        assertThat(resumed.await(ServerMessage.Joined.class).resumed()).isTrue();
        assertThat(resumed.await(ServerMessage.Demoted.class).code())
            .isEqualTo(StatusCode.DEMOTED_ON_DISCONNECT);
        awaitTone(presenterPeer.receivedAudio().get(0), 660, false, WAIT);
      }
    }
  }

  @Test
  void replicaRulesAreEnforcedByTheApi() {
    JsonNode primary = control.createMeeting("{}");
    String primaryId = primary.get("MeetingId").asText();
    JsonNode replica = control.createReplica(primaryId);
    ApiClient.Reply ofReplica =
        api.post(
            "/meetings", "{\"PrimaryMeetingId\":\"" + replica.get("MeetingId").asText() + "\"}");
    assertThat(ofReplica.status()).isEqualTo(400);
    for (int i = 0; i < 3; i++) {
      control.createReplica(primaryId);
    }
    ApiClient.Reply fifth = api.post("/meetings", "{\"PrimaryMeetingId\":\"" + primaryId + "\"}");
    assertThat(fifth.status()).isEqualTo(429);
  }

  private static ServerMessage.Sources awaitSources(JoinedPeer peer, int count)
      throws InterruptedException {
    if (peer.joined.sources().size() >= count) {
      return new ServerMessage.Sources(peer.joined.sources());
    }
    return peer.signaling.await(
        ServerMessage.Sources.class, s -> s.sources().size() >= count, WAIT);
  }

  private static StatusCode promote(JoinedPeer viewer, String token) throws InterruptedException {
    String requestId = "p-" + System.nanoTime();
    viewer.signaling.send(new ClientMessage.Promote(requestId, token));
    return viewer.signaling.status(requestId).code();
  }

  private static ServerMessage.Promoted promoteOk(JoinedPeer viewer, String token)
      throws InterruptedException {
    String requestId = "p-" + System.nanoTime();
    viewer.signaling.send(new ClientMessage.Promote(requestId, token));
    return viewer.signaling.await(
        ServerMessage.Promoted.class, p -> requestId.equals(p.requestId()), WAIT);
  }

  private static String token(JsonNode attendee) {
    return attendee.get("JoinToken").asText();
  }
}
