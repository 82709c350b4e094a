package dev.podium.app.client;

import static dev.podium.app.client.MeetingSessionTest.headless;
import static dev.podium.app.client.TestMeetings.config;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.podium.server.boot.PodiumServer;
import dev.podium.server.boot.ServerConfig;
import dev.podium.server.protocol.StatusCode;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A host starts and stops live captions through the SDK against an in-process server (real
 * webrtc-java sessions, run inside tools/loopback-only): the host and a replica viewer both get the
 * transcription status as SDK types; a viewer may not start captions.
 */
class TranscriptionTest {
  private static final String KEY = "sdk-transcription-key-01234";
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

  /** Collects transcript events, in order. */
  private static final class Captions implements MeetingSessionObserver {
    final List<TranscriptEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void onTranscriptEvent(TranscriptEvent event) {
      events.add(event);
    }

    List<TranscriptionStatusType> statuses() {
      return events.stream()
          .filter(e -> e instanceof TranscriptionStatus)
          .map(e -> ((TranscriptionStatus) e).type())
          .toList();
    }
  }

  @Test
  @Timeout(60)
  void hostStartsAndStopsCaptionsAndEveryoneIsTold() throws Exception {
    JsonNode primary = api.createMeeting("{}");
    JsonNode replica =
        api.createMeeting("{\"PrimaryMeetingId\":\"" + primary.get("MeetingId").asText() + "\"}");
    Captions atHost = new Captions();
    Captions atViewer = new Captions();
    try (MeetingSession host =
            MeetingSession.create(
                config(primary, api.createAttendee(primary, "host", "host")), headless());
        MeetingSession viewer =
            MeetingSession.create(
                config(replica, api.createAttendee(replica, "viewer", null)), headless())) {
      host.addObserver(atHost);
      viewer.addObserver(atViewer);
      assertThat(host.start().get(20, TimeUnit.SECONDS).isOk()).isTrue();
      assertThat(viewer.start().get(20, TimeUnit.SECONDS).isOk()).isTrue();

      assertThat(viewer.startTranscription().get(10, TimeUnit.SECONDS).code())
          .isEqualTo(StatusCode.NOT_A_HOST);
      // The first start loads the speech model: allow for it.
      MeetingSessionStatus started = host.startTranscription().get(30, TimeUnit.SECONDS);
      assertThat(started.isOk()).as("%s", started).isTrue();
      MeetingSessionTest.awaitCondition(
          () -> atViewer.statuses().contains(TranscriptionStatusType.STARTED), "viewer told");
      MeetingSessionTest.awaitCondition(
          () -> atHost.statuses().contains(TranscriptionStatusType.STARTED), "host told");
      TranscriptionStatus status =
          (TranscriptionStatus)
              atViewer.events.stream()
                  .filter(e -> e instanceof TranscriptionStatus)
                  .findFirst()
                  .orElseThrow();
      assertThat(status.languageCode()).isEqualTo("en-US");
      assertThat(status.eventTimeMs()).isPositive();

      assertThat(host.stopTranscription().get(10, TimeUnit.SECONDS).isOk()).isTrue();
      MeetingSessionTest.awaitCondition(
          () -> atViewer.statuses().contains(TranscriptionStatusType.STOPPED), "viewer told stop");
      assertThat(atViewer.statuses())
          .containsExactly(TranscriptionStatusType.STARTED, TranscriptionStatusType.STOPPED);
    }
  }
}
