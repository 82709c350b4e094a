package dev.podium.app.client;

import static dev.podium.app.client.MeetingSessionTest.headless;
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

/**
 * Content share through the SDK against an in-process server (inside tools/loopback-only): the
 * sharer's generated frames become a {@code #content} tile for the others, both sides hear of it
 * started and stopped, and a second share in the meeting is refused.
 */
class ContentShareTest {
  private static final String KEY = "sdk-content-test-key-0123";
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

  @Test
  void aSharedScreenIsAContentTileAndASecondShareIsRefused() throws Exception {
    JsonNode meeting = api.createMeeting("{}");
    List<MeetingSessionConfiguration> people = api.attendees(meeting, "sharer", "watcher");
    List<String> sharerEvents = new CopyOnWriteArrayList<>();
    List<String> watcherEvents = new CopyOnWriteArrayList<>();
    try (MeetingSession sharer = MeetingSession.create(people.get(0), headless());
        MeetingSession watcher = MeetingSession.create(people.get(1), headless())) {
      sharer.addObserver(contentEvents(sharerEvents));
      RecordingObserver watcherTiles = new RecordingObserver();
      watcher.addObserver(watcherTiles);
      watcher.addObserver(contentEvents(watcherEvents));
      assertThat(sharer.start().get(20, TimeUnit.SECONDS).isOk()).isTrue();
      assertThat(watcher.start().get(20, TimeUnit.SECONDS).isOk()).isTrue();
      String sharerId = sharer.self().attendeeId();

      MeetingSessionStatus started =
          sharer
              .startContentShare(LocalVideoSource.testPattern(new VideoFormat(1920, 1080, 30)))
              .get(20, TimeUnit.SECONDS);
      assertThat(started.isOk()).as(started.toString()).isTrue();
      assertThat(sharerEvents).contains("started " + sharerId);

      watcherTiles.await("tileAdded sharer");
      VideoTile tile = watcherTiles.tilesAdded().get(0);
      assertThat(tile.attendeeId()).isEqualTo(sharerId + "#content");
      MeetingSessionTest.awaitCondition(
          () -> watcherEvents.contains("started " + sharerId), "watcher told of the share");
      // Capped at 1280x720: the tile's decoded size says so.
      MeetingSessionTest.awaitCondition(
          () -> watcher.videoTiles().stream().anyMatch(t -> t.width() == 1280),
          "content decoded at 1280 wide");
      assertThat(watcher.videoTiles().get(0).height()).isEqualTo(720);

      MeetingSessionStatus refused =
          watcher
              .startContentShare(LocalVideoSource.testPattern(new VideoFormat(640, 360, 15)))
              .get(20, TimeUnit.SECONDS);
      assertThat(refused.code()).isEqualTo(StatusCode.CONTENT_SHARE_UNAVAILABLE);
      assertThat(watcherEvents)
          .anyMatch(e -> e.startsWith("stopped " + watcher.self().attendeeId()));

      sharer.stopContentShare();
      watcherTiles.await("tileRemoved sharer");
      MeetingSessionTest.awaitCondition(
          () -> watcherEvents.contains("stopped " + sharerId + " OK"), "watcher told it stopped");
    }
  }

  private static MeetingSessionObserver contentEvents(List<String> events) {
    return new MeetingSessionObserver() {
      @Override
      public void onContentShareStarted(String attendeeId) {
        events.add("started " + attendeeId);
      }

      @Override
      public void onContentShareStopped(String attendeeId, MeetingSessionStatus status) {
        events.add("stopped " + attendeeId + " " + status.code());
      }
    };
  }
}
