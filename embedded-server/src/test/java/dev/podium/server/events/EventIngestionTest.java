package dev.podium.server.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.server.api.ApiClient;
import dev.podium.server.boot.PodiumServer;
import dev.podium.server.boot.ServerConfig;
import dev.podium.server.protocol.ServerMessage;
import dev.podium.server.signaling.SignalingFixtures;
import dev.podium.server.signaling.SignalingFixtures.Session;
import dev.podium.server.signaling.SignalingFixtures.TestAttendee;
import dev.podium.server.signaling.SignalingFixtures.TestMeeting;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The EventIngestionUrl against a real server: accepted batches show up in /metrics; bad batches
 * are refused with a status and a message naming the problem, and the meeting carries on.
 */
class EventIngestionTest {
  private static final String KEY = "event-ingestion-test-key-01";

  private PodiumServer server;
  private ApiClient api;

  @BeforeEach
  void start() {
    server = PodiumServer.start(ServerConfig.ephemeral(KEY));
    api = new ApiClient("http://127.0.0.1:" + server.httpPort(), KEY);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String eventsPath(TestMeeting meeting) {
    String url =
        api.get("/meetings/" + meeting.meetingId())
            .json()
            .get("Meeting")
            .get("MediaPlacement")
            .get("EventIngestionUrl")
            .asText();
    assertThat(url).startsWith(api.base());
    return url.substring(api.base().length());
  }

  private ApiClient.Reply post(String path, String token, String body) {
    return api.send("POST", path, body, token);
  }

  private static String event(String name, String attributes) {
    return "{\"name\":\""
        + name
        + "\",\"timestampMs\":"
        + System.currentTimeMillis()
        + ",\"attributes\":{"
        + attributes
        + "}}";
  }

  private static String batch(String... events) {
    return "{\"events\":[" + String.join(",", events) + "]}";
  }

  @Test
  void acceptedEventsBecomeMetrics() {
    TestMeeting meeting = SignalingFixtures.createMeeting(api, "{}");
    TestAttendee alice = SignalingFixtures.createAttendee(api, meeting, "alice");
    String path = eventsPath(meeting);

    ApiClient.Reply reply =
        post(
            path,
            alice.joinToken(),
            batch(
                event("meetingStartRequested", "\"meetingId\":\"" + meeting.meetingId() + "\""),
                event(
                    "meetingStartSucceeded",
                    "\"meetingId\":\""
                        + meeting.meetingId()
                        + "\",\"attendeeId\":\""
                        + alice.attendeeId()
                        + "\",\"meetingStartDurationMs\":700,"
                        + "\"sdkVersion\":\"0.2\",\"osName\":\"Linux\""),
                event("meetingStartFailed", "\"meetingStatus\":\"SIGNALING_UNREACHABLE\"")));

    assertThat(reply.status()).as(reply.raw()).isEqualTo(202);
    assertThat(reply.json().get("Accepted").asInt()).isEqualTo(3);
    String metrics = api.get("/metrics").raw();
    assertThat(metrics)
        .contains("podium_client_meeting_start_total{outcome=\"succeeded\"} 1")
        .contains("podium_client_meeting_start_total{outcome=\"failed\"} 1")
        .contains("podium_client_meeting_start_failed_total{status=\"SIGNALING_UNREACHABLE\"} 1")
        .contains("podium_client_time_to_join_seconds_bucket{le=\"0.5\"} 0")
        .contains("podium_client_time_to_join_seconds_bucket{le=\"1.0\"} 1")
        .contains("podium_client_time_to_join_seconds_count 1")
        .contains("podium_client_events_total{name=\"meetingStartRequested\"} 1")
        .contains("podium_client_event_batches_total{result=\"accepted\"} 1");
  }

  @Test
  void badBatchesAreRefusedWithAStatusAndTheMeetingCarriesOn() throws Exception {
    TestMeeting meeting = SignalingFixtures.createMeeting(api, "{}");
    TestMeeting other = SignalingFixtures.createMeeting(api, "{}");
    TestAttendee alice = SignalingFixtures.createAttendee(api, meeting, "alice");
    TestAttendee bob = SignalingFixtures.createAttendee(api, meeting, "bob");
    TestAttendee stranger = SignalingFixtures.createAttendee(api, other, "stranger");
    String path = eventsPath(meeting);
    String good = batch(event("meetingEnded", ""));

    try (Session joined = SignalingFixtures.join(meeting, alice)) {
      assertRefused(post(path, null, good), 401, "Unauthorized", "Authorization");
      assertRefused(post(path, KEY, good), 403, "Forbidden", "JoinToken");
      assertRefused(post(path, stranger.joinToken(), good), 403, "Forbidden", "another meeting");
      assertRefused(
          post("/v1/meetings/not-a-uuid/events", alice.joinToken(), good),
          400,
          "BadRequest",
          "UUID");
      assertRefused(post(path, alice.joinToken(), "{\"events\": [1,"), 400, "BadRequest", "JSON");
      assertRefused(
          post(path, alice.joinToken(), "{\"events\": []}"), 400, "BadRequest", "1 to 100");
      assertRefused(
          post(
              path, alice.joinToken(), batch(event("meetingEnded", ""), event("selfDestruct", ""))),
          400,
          "BadRequest",
          "events[1].name");
      assertRefused(
          post(path, alice.joinToken(), batch(event("meetingEnded", "\"nested\":{\"a\":1}"))),
          400,
          "BadRequest",
          "events[0].attributes.nested");
      assertRefused(
          post(
              path,
              alice.joinToken(),
              batch(event("meetingEnded", "\"attendeeId\":\"" + bob.attendeeId() + "\""))),
          400,
          "BadRequest",
          "attendeeId");
      String[] many = new String[101];
      java.util.Arrays.fill(many, event("meetingEnded", ""));
      assertRefused(post(path, alice.joinToken(), batch(many)), 400, "BadRequest", "got 101");
      String huge = batch(event("meetingEnded", "\"pad\":\"" + "x".repeat(70_000) + "\""));
      ApiClient.Reply tooLarge = post(path, alice.joinToken(), huge);
      assertThat(tooLarge.status()).isEqualTo(413);
      ApiClient.Reply get = api.send("GET", path, null, alice.joinToken());
      assertThat(get.status()).isEqualTo(405);

      // The meeting carries on: alice is still joined and sees bob arrive.
      try (Session second = SignalingFixtures.join(meeting, bob)) {
        ServerMessage.Presence presence =
            joined
                .client()
                .await(
                    ServerMessage.Presence.class,
                    p -> p.attendeeId().equals(bob.attendeeId()),
                    Duration.ofSeconds(5));
        assertThat(presence.state()).isEqualTo(ServerMessage.PresenceState.JOINED);
      }
      assertThat(post(path, alice.joinToken(), good).status()).isEqualTo(202);
    }
    assertThat(api.get("/metrics").raw())
        .contains("podium_client_event_batches_total{result=\"BadRequest\"} 7")
        .contains("podium_client_event_batches_total{result=\"Forbidden\"} 2")
        .contains("podium_client_event_batches_total{result=\"Unauthorized\"} 1")
        .contains("podium_client_events_total{name=\"meetingEnded\"} 1");
  }

  @Test
  void throttlesOneAttendeesBurst() {
    TestMeeting meeting = SignalingFixtures.createMeeting(api, "{}");
    TestAttendee alice = SignalingFixtures.createAttendee(api, meeting, "alice");
    TestAttendee bob = SignalingFixtures.createAttendee(api, meeting, "bob");
    String path = eventsPath(meeting);
    String good = batch(event("signalingDropped", ""));
    int accepted = 0;
    ApiClient.Reply last = null;
    for (int i = 0; i < EventIngestionHandler.BURST + 3; i++) {
      last = post(path, alice.joinToken(), good);
      if (last.status() == 202) {
        accepted++;
      }
    }
    assertThat(accepted).isBetween(EventIngestionHandler.BURST, EventIngestionHandler.BURST + 2);
    assertRefused(last, 429, "Throttling", "attendee");
    assertThat(post(path, bob.joinToken(), good).status()).isEqualTo(202);
  }

  @Test
  void replicaAttendeesReportToTheirReplicasUrl() {
    TestMeeting primary = SignalingFixtures.createMeeting(api, "{}");
    TestMeeting replica =
        SignalingFixtures.createMeeting(
            api, "{\"PrimaryMeetingId\":\"" + primary.meetingId() + "\"}");
    TestAttendee viewer = SignalingFixtures.createAttendee(api, replica, "viewer");
    String replicaPath = eventsPath(replica);
    assertThat(replicaPath).contains(replica.meetingId());

    String own =
        batch(
            event(
                "meetingStartSucceeded",
                "\"meetingId\":\"" + replica.meetingId() + "\",\"meetingStartDurationMs\":300"));
    assertThat(post(replicaPath, viewer.joinToken(), own).status()).isEqualTo(202);
    String claimsPrimary =
        batch(event("meetingEnded", "\"meetingId\":\"" + primary.meetingId() + "\""));
    assertRefused(
        post(replicaPath, viewer.joinToken(), claimsPrimary), 400, "BadRequest", "meetingId");
    assertRefused(
        post(eventsPath(primary), viewer.joinToken(), own), 403, "Forbidden", "another meeting");
  }

  private static void assertRefused(ApiClient.Reply reply, int status, String code, String text) {
    assertThat(reply.status()).as(reply.raw()).isEqualTo(status);
    assertThat(reply.json().get("Code").asText()).isEqualTo(code);
    assertThat(reply.json().get("Message").asText()).contains(text);
  }
}
