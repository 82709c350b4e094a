package dev.podium.app.client;

import static dev.podium.app.client.MeetingSessionTest.awaitCondition;
import static dev.podium.app.client.MeetingSessionTest.headless;
import static dev.podium.app.client.TestMeetings.config;
import static dev.podium.app.client.TestMeetings.credentials;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.podium.server.boot.PodiumServer;
import dev.podium.server.boot.ServerConfig;
import dev.podium.server.protocol.StatusCode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Replica viewers through the SDK against an in-process server with real webrtc-java media (run
 * inside tools/loopback-only): promotion and the three demotions, what a primary attendee hears,
 * and the webinar workflow from raised hand to send-back.
 */
class PromotionTest {
  private static final String KEY = "sdk-promotion-key-0123456";
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final double VIEWER_TONE = 660;
  private static PodiumServer server;
  private static TestMeetings api;

  @BeforeAll
  static void startServer() {
    server = PodiumServer.start(ServerConfig.ephemeral(KEY));
    api = new TestMeetings("http://127.0.0.1:" + server.httpPort(), KEY);
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  private static JsonNode replicaOf(JsonNode primary) {
    return api.createMeeting(
        "{\"PrimaryMeetingId\":\"" + primary.get("MeetingId").asText() + "\"}");
  }

  private static SessionOptions speakingViewer() {
    return headless().withAudioGenerator(AudioGenerator.tone(VIEWER_TONE, 8000));
  }

  @Test
  @Timeout(30)
  void viewerIsPromotedHeardAndDemotedWithObserversInOrder() throws Exception {
    JsonNode primary = api.createMeeting("{}");
    JsonNode replica = replicaOf(primary);
    JsonNode aliceCreds = api.createAttendee(primary, "alice", null);
    JsonNode stageCreds = api.createAttendee(primary, "on-stage", null);
    JsonNode viewerCreds = api.createAttendee(replica, "viewer", null);
    JsonNode stranger = api.createAttendee(api.createMeeting("{}"), "stranger", null);
    String stageId = stageCreds.get("AttendeeId").asText();
    PcmRecorder atAlice = new PcmRecorder();
    RecordingObserver aliceEvents = new RecordingObserver();
    RecordingObserver viewerEvents = new RecordingObserver();
    try (MeetingSession alice =
            MeetingSession.create(
                config(primary, aliceCreds), headless().withRemoteAudioListener(atAlice));
        MeetingSession viewer =
            MeetingSession.create(config(replica, viewerCreds), speakingViewer())) {
      alice.addObserver(aliceEvents);
      viewer.addObserver(viewerEvents);
      assertThat(alice.start().get(20, TimeUnit.SECONDS).isOk()).isTrue();
      assertThat(viewer.start().get(20, TimeUnit.SECONDS).isOk()).isTrue();
      assertThat(viewer.isReplicaViewer()).isTrue();
      assertThat(viewer.isPromoted()).isFalse();

      // Before promotion the viewer's microphone is not negotiated: alice hears nothing of it.
      awaitCondition(() -> atAlice.recent(1000).length >= 40_000, "a second of audio at alice");
      assertThat(atAlice.hears(VIEWER_TONE)).isFalse();

      MeetingSessionStatus wrong =
          viewer.promoteToPrimaryMeeting(credentials(stranger)).get(10, TimeUnit.SECONDS);
      assertThat(wrong.code()).isEqualTo(StatusCode.PROMOTION_WRONG_PRIMARY);
      assertThat(viewer.isPromoted()).isFalse();

      MeetingSessionStatus promoted =
          viewer.promoteToPrimaryMeeting(credentials(stageCreds)).get(10, TimeUnit.SECONDS);
      assertThat(promoted.isOk()).as(promoted.toString()).isTrue();
      assertThat(viewer.promotedAttendee().attendeeId()).isEqualTo(stageId);
      viewerEvents.await(e -> e.equals("videoAvailability true"), WAIT);
      aliceEvents.await(e -> e.equals("presence on-stage JOINED"), WAIT);
      awaitCondition(() -> atAlice.hears(VIEWER_TONE), "alice hears the promoted viewer");
      assertThat(viewer.audioBlocksPushed()).isPositive();
      aliceEvents.await(e -> e.startsWith("activeSpeakers") && e.contains(stageId), WAIT);

      assertThat(viewer.demoteFromPrimaryMeeting().get(10, TimeUnit.SECONDS).isOk()).isTrue();
      aliceEvents.await(e -> e.equals("presence on-stage LEFT"), WAIT);
      awaitCondition(() -> stageEvents(viewerEvents).size() == 5, "demotion events");
      assertThat(stageEvents(viewerEvents))
          .containsExactly(
              "videoAvailability false",
              "promoted OK",
              "videoAvailability true",
              "demoted DEMOTED_BY_CLIENT",
              "videoAvailability false");
      assertThat(viewer.isPromoted()).isFalse();
      awaitCondition(() -> !atAlice.hears(VIEWER_TONE), "the demoted viewer is silent again");
    }
  }

  @Test
  @Timeout(30)
  void deletedCredentialsDemoteByServerAndADropDemotesAtOnce() throws Exception {
    JsonNode primary = api.createMeeting("{}");
    JsonNode replica = replicaOf(primary);
    JsonNode firstSeat = api.createAttendee(primary, "seat-1", null);
    JsonNode secondSeat = api.createAttendee(primary, "seat-2", null);
    JsonNode viewerCreds = api.createAttendee(replica, "viewer", null);
    RecordingObserver events = new RecordingObserver();
    try (MeetingSession viewer =
        MeetingSession.create(config(replica, viewerCreds), speakingViewer())) {
      viewer.addObserver(events);
      viewer.start().get(20, TimeUnit.SECONDS);

      assertThat(viewer.promoteToPrimaryMeeting(credentials(firstSeat)).get(10, TimeUnit.SECONDS))
          .isEqualTo(MeetingSessionStatus.ok());
      api.deleteAttendee(primary, firstSeat.get("AttendeeId").asText());
      events.await(e -> e.equals("demoted DEMOTED_BY_SERVER"), WAIT);
      assertThat(viewer.isPromoted()).isFalse();

      // A dropped WebSocket: demoted at once (the seed's rule), resumed, and promotable again.
      assertThat(viewer.promoteToPrimaryMeeting(credentials(secondSeat)).get(10, TimeUnit.SECONDS))
          .isEqualTo(MeetingSessionStatus.ok());
      viewer.dropSignalingForTest();
      events.await(e -> e.equals("demoted DEMOTED_ON_DISCONNECT"), WAIT);
      events.await(e -> e.equals("started true"), WAIT);
      List<String> seen = events.events();
      assertThat(seen.indexOf("demoted DEMOTED_ON_DISCONNECT"))
          .isGreaterThan(seen.indexOf("reconnecting"))
          .isLessThan(seen.indexOf("started true"));
      assertThat(viewer.promoteToPrimaryMeeting(credentials(secondSeat)).get(10, TimeUnit.SECONDS))
          .isEqualTo(MeetingSessionStatus.ok());
      // The server's own DEMOTED_ON_DISCONNECT after the resume is not reported a second time.
      assertThat(events.events().stream().filter(e -> e.startsWith("demoted ON")).count()).isZero();
      assertThat(events.events().stream().filter(e -> e.equals("demoted DEMOTED_ON_DISCONNECT")))
          .hasSize(1);
      assertThat(viewer.isPromoted()).isTrue();
    }
  }

  @Test
  @Timeout(30)
  void aRaisedHandIsBroughtToTheStageAcceptedAndSentBack() throws Exception {
    JsonNode primary = api.createMeeting("{}");
    JsonNode replica = replicaOf(primary);
    JsonNode hostCreds = api.createAttendee(primary, "host", "host");
    JsonNode viewerCreds = api.createAttendee(replica, "curious", null);
    RecordingObserver hostEvents = new RecordingObserver();
    RecordingObserver viewerEvents = new RecordingObserver();
    try (MeetingSession host = MeetingSession.create(config(primary, hostCreds), headless());
        MeetingSession viewer =
            MeetingSession.create(
                config(replica, viewerCreds),
                speakingViewer().withAutoAcceptStageInvitation(true))) {
      host.addObserver(hostEvents);
      viewer.addObserver(viewerEvents);
      host.start().get(20, TimeUnit.SECONDS);
      viewer.start().get(20, TimeUnit.SECONDS);
      hostEvents.await(e -> e.equals("audience 1 1"), WAIT);

      assertThat(viewer.setHandRaised(true).get(10, TimeUnit.SECONDS).isOk()).isTrue();
      hostEvents.await(e -> e.equals("handQueue [curious]"), WAIT);
      hostEvents.await(e -> e.equals("hand curious true"), WAIT);
      assertThat(host.handQueue())
          .extracting(h -> h.attendeeId())
          .containsExactly(viewerId(viewer));
      assertThat(host.setHandRaised(true).get(10, TimeUnit.SECONDS).code())
          .isEqualTo(StatusCode.NOT_A_REPLICA_ATTENDEE);

      assertThat(host.bringToStage(viewerId(viewer)).get(10, TimeUnit.SECONDS).isOk()).isTrue();
      String invitation = viewerEvents.await("stageInvitation");
      viewerEvents.await(e -> e.equals("promoted OK"), WAIT);
      String stageId = invitation.substring("stageInvitation ".length());
      hostEvents.await(e -> e.equals("presence curious JOINED"), WAIT);
      hostEvents.await(e -> e.equals("hand curious false"), WAIT);
      awaitCondition(viewer::isPromoted, "promoted");
      assertThat(viewer.promotedAttendee().attendeeId()).isEqualTo(stageId);

      assertThat(host.sendBack(stageId).get(10, TimeUnit.SECONDS).isOk()).isTrue();
      viewerEvents.await(e -> e.equals("demoted DEMOTED_BY_SERVER"), WAIT);
      hostEvents.await(e -> e.equals("presence curious LEFT"), WAIT);
      assertThat(host.sendBack(stageId).get(10, TimeUnit.SECONDS).code())
          .isEqualTo(StatusCode.ATTENDEE_NOT_FOUND);
      awaitCondition(() -> stageEvents(viewerEvents).size() == 5, "demotion events");
      assertThat(stageEvents(viewerEvents))
          .containsExactly(
              "videoAvailability false",
              "promoted OK",
              "videoAvailability true",
              "demoted DEMOTED_BY_SERVER",
              "videoAvailability false");
    }
  }

  private static String viewerId(MeetingSession viewer) {
    return viewer.self().attendeeId();
  }

  private static List<String> stageEvents(RecordingObserver events) {
    return events.events().stream()
        .filter(
            e ->
                e.startsWith("promoted")
                    || e.startsWith("demoted")
                    || e.startsWith("videoAvailability"))
        .toList();
  }
}
