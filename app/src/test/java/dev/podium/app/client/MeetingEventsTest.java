package dev.podium.app.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.podium.server.boot.PodiumServer;
import dev.podium.server.boot.ServerConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Meeting events end to end against an in-process server with real webrtc-java media (inside
 * tools/loopback-only): a joined session's events reach the EventIngestionUrl and show up in
 * /metrics; a replica attendee's events carry the replica's meeting id; an ingestion URL that
 * refuses everything costs the meeting nothing.
 */
class MeetingEventsTest {
  private static final String KEY = "sdk-events-test-key-0123";
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final MeetingEventReporting FAST =
      MeetingEventReporting.defaults().withFlushInterval(Duration.ofMillis(200));
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

  private static SessionOptions headless() {
    return SessionOptions.defaults().withAudioMode(AudioMode.HEADLESS);
  }

  @Test
  void aJoinedSessionsEventsReachTheServerAndItsMetrics() throws Exception {
    JsonNode meeting = api.createMeeting("{\"ExternalMeetingId\":\"events\"}");
    MeetingSessionConfiguration config = api.attendees(meeting, "alice").get(0);
    assertThat(config.eventIngestionUrl().toString())
        .isEqualTo(meeting.get("MediaPlacement").get("EventIngestionUrl").asText());
    List<MeetingEvent> seen = new CopyOnWriteArrayList<>();
    double startsBefore = metric("podium_client_meeting_start_total{outcome=\"succeeded\"}");
    double joinsBefore = metric("podium_client_time_to_join_seconds_count");
    MeetingSession session = MeetingSession.create(config, headless());
    try (session) {
      session.addEventObserver(seen::add);
      session.setEventReporting(FAST);
      assertThat(session.start().get(20, TimeUnit.SECONDS).isOk()).isTrue();
      awaitTrue(() -> session.meetingEventStats().uploaded() >= 3);
      assertThat(metric("podium_client_meeting_start_total{outcome=\"succeeded\"}"))
          .isEqualTo(startsBefore + 1);
      assertThat(metric("podium_client_time_to_join_seconds_count")).isEqualTo(joinsBefore + 1);
    }
    awaitTrue(() -> session.meetingEventStats().uploaded() == 4);
    assertThat(session.meetingEventStats()).isEqualTo(new MeetingEventStats(4, 4, 0, 0));
    assertThat(seen.stream().map(MeetingEvent::name))
        .containsExactly(
            MeetingEventName.MEETING_START_REQUESTED,
            MeetingEventName.ATTENDEE_PRESENCE_RECEIVED,
            MeetingEventName.MEETING_START_SUCCEEDED,
            MeetingEventName.MEETING_ENDED);
    MeetingEvent succeeded = seen.get(2);
    assertThat(succeeded.attribute("meetingId")).isEqualTo(config.meetingId());
    assertThat(succeeded.attribute("attendeeId")).isEqualTo(config.attendeeId());
    assertThat(succeeded.attribute("externalMeetingId")).isEqualTo("events");
    assertThat(succeeded.attribute("sdkVersion")).isEqualTo(MeetingEventRecorder.SDK_VERSION);
    assertThat(succeeded.attribute("osName")).isEqualTo(System.getProperty("os.name"));
    long timeToJoin = (Long) succeeded.attribute("meetingStartDurationMs");
    assertThat(timeToJoin).isBetween(1L, 20_000L);
    assertThat(seen.get(3).attribute("meetingStatus")).isEqualTo("LEFT");
    assertThat(metric("podium_client_events_total{name=\"meetingEnded\"}")).isGreaterThan(0);
    System.out.printf("time to join reported: %d ms%n", timeToJoin);
  }

  @Test
  void aReplicaAttendeesEventsCarryTheReplicasMeetingId() throws Exception {
    JsonNode primary = api.createMeeting("{}");
    JsonNode replica =
        api.createMeeting("{\"PrimaryMeetingId\":\"" + primary.get("MeetingId").asText() + "\"}");
    String replicaId = replica.get("MeetingId").asText();
    JsonNode stage = api.createAttendee(primary, "stage-seat", null);
    MeetingSessionConfiguration config = api.attendees(replica, "viewer").get(0);
    assertThat(config.eventIngestionUrl().toString()).contains(replicaId);
    List<MeetingEvent> seen = new CopyOnWriteArrayList<>();
    double refusedBefore = metric("podium_client_event_batches_total{result=\"BadRequest\"}");
    double promotedBefore = metric("podium_client_events_total{name=\"promoted\"}");
    try (MeetingSession viewer = MeetingSession.create(config, headless())) {
      viewer.addEventObserver(seen::add);
      viewer.setEventReporting(FAST);
      assertThat(viewer.start().get(20, TimeUnit.SECONDS).isOk()).isTrue();
      assertThat(viewer.isReplicaViewer()).isTrue();
      assertThat(
              viewer
                  .promoteToPrimaryMeeting(TestMeetings.credentials(stage))
                  .get(20, TimeUnit.SECONDS)
                  .isOk())
          .isTrue();
      viewer.demoteFromPrimaryMeeting().get(20, TimeUnit.SECONDS);
      awaitTrue(() -> seen.stream().anyMatch(e -> e.name() == MeetingEventName.DEMOTED));
      awaitTrue(() -> viewer.meetingEventStats().uploaded() == seen.size());
    }
    assertThat(seen).isNotEmpty().allMatch(e -> replicaId.equals(e.attribute("meetingId")));
    MeetingEvent promoted =
        seen.stream().filter(e -> e.name() == MeetingEventName.PROMOTED).findFirst().orElseThrow();
    assertThat(promoted.attribute("promotedAttendeeId"))
        .isEqualTo(stage.get("AttendeeId").asText());
    // The server checks each event's meetingId against the URL's: accepted means the replica's.
    assertThat(metric("podium_client_events_total{name=\"promoted\"}"))
        .isEqualTo(promotedBefore + 1);
    assertThat(metric("podium_client_event_batches_total{result=\"BadRequest\"}"))
        .isEqualTo(refusedBefore);
  }

  @Test
  void refusedUploadsAreDroppedAndCountedWithoutDisturbingTheMeeting() throws Exception {
    JsonNode meeting = api.createMeeting("{}");
    List<MeetingSessionConfiguration> people = api.attendees(meeting, "carol", "dave");
    // Carol posts to another meeting's EventIngestionUrl: every batch is refused (403).
    JsonNode other = api.createMeeting("{}");
    MeetingSessionConfiguration carolConfig =
        people
            .get(0)
            .withEventIngestionUrl(
                URI.create(other.get("MediaPlacement").get("EventIngestionUrl").asText()));
    RecordingObserver carolEvents = new RecordingObserver();
    try (MeetingSession carol = MeetingSession.create(carolConfig, headless());
        MeetingSession dave = MeetingSession.create(people.get(1), headless())) {
      carol.setEventReporting(FAST.withMaxBatchEvents(1));
      carol.addObserver(carolEvents);
      long start = System.nanoTime();
      assertThat(carol.start().get(20, TimeUnit.SECONDS).isOk()).isTrue();
      long joinMillis = (System.nanoTime() - start) / 1_000_000;
      awaitTrue(() -> carol.meetingEventStats().failedBatches() >= 3);
      assertThat(dave.start().get(20, TimeUnit.SECONDS).isOk()).isTrue();
      carolEvents.await("presence dave JOINED");
      MeetingEventStats stats = carol.meetingEventStats();
      assertThat(stats.uploaded()).isZero();
      assertThat(stats.dropped()).isEqualTo(stats.failedBatches());
      System.out.printf("join with every event batch refused: %d ms; %s%n", joinMillis, stats);
    }
  }

  private static double metric(String series) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.httpPort() + "/metrics"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    for (String line : response.body().split("\n")) {
      if (line.startsWith(series + " ")) {
        return Double.parseDouble(line.substring(series.length() + 1));
      }
    }
    return 0;
  }

  private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + WAIT);
      }
      Thread.sleep(20);
    }
  }
}
