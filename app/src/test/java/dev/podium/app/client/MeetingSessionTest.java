package dev.podium.app.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.podium.server.boot.PodiumServer;
import dev.podium.server.boot.ServerConfig;
import dev.podium.server.protocol.StatusCode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SDK end to end against an in-process Podium server with real webrtc-java media (run inside
 * tools/loopback-only): tiles and presence, data messages, reconnection, video availability.
 */
class MeetingSessionTest {
  private static final String KEY = "sdk-test-key-0123456789";
  private static final Duration WAIT = Duration.ofSeconds(15);
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

  static SessionOptions headless() {
    return SessionOptions.defaults().withAudioMode(AudioMode.HEADLESS);
  }

  @Test
  void twoSessionsSeeEachOthersTilesFramesAndPresence() throws Exception {
    JsonNode meeting = api.createMeeting("{\"ExternalMeetingId\":\"tiles\"}");
    List<MeetingSessionConfiguration> people = api.attendees(meeting, "alice", "bob");
    RecordingObserver aliceEvents = new RecordingObserver();
    RecordingObserver bobEvents = new RecordingObserver();
    AtomicLong bobAudioSamples = new AtomicLong();
    // -Dpodium.test.simulcast=false sends one layer (to tell the SDK from the server's layers).
    boolean simulcast = !"false".equals(System.getProperty("podium.test.simulcast"));
    try (MeetingSession alice =
            MeetingSession.create(people.get(0), headless().withSimulcast(simulcast));
        MeetingSession bob =
            MeetingSession.create(
                people.get(1),
                headless()
                    .withSimulcast(simulcast)
                    .withRemoteAudioListener(
                        (pcm, rate, ch, frames) -> bobAudioSamples.addAndGet(frames)))) {
      alice.addObserver(aliceEvents);
      bob.addObserver(bobEvents);
      assertThat(alice.start().get(20, TimeUnit.SECONDS)).isEqualTo(MeetingSessionStatus.ok());
      assertThat(bob.start().get(20, TimeUnit.SECONDS).isOk()).isTrue();
      assertThat(alice.self().externalUserId()).isEqualTo("alice");
      aliceEvents.await("presence bob JOINED");
      bobEvents.await("presence alice JOINED");

      // Alice sends two simulcast layers (the default), bob one stream.
      assertThat(
              alice
                  .startLocalVideo(LocalVideoSource.testPattern(new VideoFormat(640, 360, 30)))
                  .get(20, TimeUnit.SECONDS)
                  .isOk())
          .isTrue();
      assertThat(
              bob.startLocalVideo(LocalVideoSource.testPattern(new VideoFormat(320, 180, 15)))
                  .get(20, TimeUnit.SECONDS)
                  .isOk())
          .isTrue();

      bobEvents.await("tileAdded alice");
      aliceEvents.await("tileAdded bob");
      VideoTile aliceAtBob = bobEvents.tilesAdded().get(0);
      assertThat(aliceAtBob.attendeeId()).isEqualTo(alice.self().attendeeId());
      assertFramesDecoded(alice, bob, aliceAtBob, aliceEvents, bobEvents);
      assertThat(bob.videoTiles()).extracting(VideoTile::externalUserId).containsExactly("alice");

      // The meeting audio reaches the PCM listener (silence from the headless module, decoded).
      awaitCondition(() -> bobAudioSamples.get() >= 24_000, "half a second of meeting audio");

      // Mute state travels.
      assertThat(alice.realtimeSetLocalMute(true).get(10, TimeUnit.SECONDS).isOk()).isTrue();
      bobEvents.await("mute " + alice.self().attendeeId() + " true");

      // Alice stops video: bob's tile goes; alice leaves: bob sees her leave.
      assertThat(alice.stopLocalVideo().get(10, TimeUnit.SECONDS).isOk()).isTrue();
      bobEvents.await("tileRemoved alice");
      assertThat(alice.stop().get(10, TimeUnit.SECONDS).code()).isEqualTo(StatusCode.LEFT);
      bobEvents.await("presence alice LEFT");
      aliceEvents.await("stopped LEFT");
    }
    assertThat(aliceEvents.threads()).allMatch(t -> t.endsWith("-events"));
    assertThat(bobEvents.threads()).allMatch(t -> t.endsWith("-events"));
  }

  @Test
  void dataMessagesRoundTripByTopicAndOversizeIsRefusedLocally() throws Exception {
    JsonNode meeting = api.createMeeting("{}");
    List<MeetingSessionConfiguration> people = api.attendees(meeting, "carol", "dave");
    try (MeetingSession carol = MeetingSession.create(people.get(0), headless());
        MeetingSession dave = MeetingSession.create(people.get(1), headless())) {
      carol.start().get(20, TimeUnit.SECONDS);
      dave.start().get(20, TimeUnit.SECONDS);
      List<DataMessage> chat = new CopyOnWriteArrayList<>();
      List<DataMessage> reactions = new CopyOnWriteArrayList<>();
      dave.subscribeToDataMessages("chat", chat::add);
      dave.subscribeToDataMessages("reactions", reactions::add);

      MeetingSessionStatus sent =
          carol
              .sendDataMessage("chat", "hello dave".getBytes(StandardCharsets.UTF_8), 0)
              .get(10, TimeUnit.SECONDS);
      assertThat(sent.isOk()).isTrue();
      carol.sendDataMessage("reactions", new byte[] {1, 2, 3}, 0).get(10, TimeUnit.SECONDS);
      carol.sendDataMessage("other", new byte[] {9}, 0).get(10, TimeUnit.SECONDS);
      awaitCondition(() -> chat.size() == 1 && reactions.size() == 1, "both topics delivered");
      assertThat(chat.get(0).text()).isEqualTo("hello dave");
      assertThat(chat.get(0).senderExternalUserId()).isEqualTo("carol");
      assertThat(chat.get(0).senderAttendeeId()).isEqualTo(carol.self().attendeeId());
      assertThat(reactions.get(0).data()).containsExactly(1, 2, 3);

      MeetingSessionStatus tooBig =
          carol.sendDataMessage("chat", new byte[2049], 0).get(5, TimeUnit.SECONDS);
      assertThat(tooBig.code()).isEqualTo(StatusCode.DATA_MESSAGE_TOO_LARGE);
      assertThat(
              carol.sendDataMessage("bad topic!", new byte[1], 0).get(5, TimeUnit.SECONDS).code())
          .isEqualTo(StatusCode.DATA_MESSAGE_INVALID_TOPIC);
      assertThat(carol.sendDataMessage("chat", new byte[2048], 0).get(5, TimeUnit.SECONDS).isOk())
          .isTrue();
      awaitCondition(() -> chat.size() == 2, "the 2048-byte message");
    }
  }

  @Test
  void resumesAfterTheWebSocketDropsAsTheSameAttendee() throws Exception {
    JsonNode meeting = api.createMeeting("{}");
    List<MeetingSessionConfiguration> people = api.attendees(meeting, "erin", "frank");
    RecordingObserver erinEvents = new RecordingObserver();
    RecordingObserver frankEvents = new RecordingObserver();
    try (MeetingSession erin = MeetingSession.create(people.get(0), headless());
        MeetingSession frank = MeetingSession.create(people.get(1), headless())) {
      erin.addObserver(erinEvents);
      frank.addObserver(frankEvents);
      erin.start().get(20, TimeUnit.SECONDS);
      frank.start().get(20, TimeUnit.SECONDS);
      String attendeeId = erin.self().attendeeId();

      erin.dropSignalingForTest();
      erinEvents.await("reconnecting");
      erinEvents.await("started true");
      List<String> seen = erinEvents.events();
      assertThat(seen.indexOf("reconnecting")).isLessThan(seen.indexOf("started true"));
      assertThat(erin.self().attendeeId()).isEqualTo(attendeeId);

      // Still a working session: data flows both ways and no one saw erin leave.
      List<DataMessage> atFrank = new CopyOnWriteArrayList<>();
      frank.subscribeToDataMessages("t", atFrank::add);
      assertThat(erin.sendDataMessage("t", new byte[] {7}, 0).get(10, TimeUnit.SECONDS).isOk())
          .isTrue();
      awaitCondition(() -> atFrank.size() == 1, "message after resume");
      assertThat(frankEvents.events())
          .noneMatch(
              e -> e.startsWith("presence erin LEFT") || e.startsWith("presence erin DROPPED"));
    }
  }

  @Test
  void replicaViewerIsToldVideoSendIsUnavailable() throws Exception {
    JsonNode primary = api.createMeeting("{}");
    JsonNode replica =
        api.createMeeting("{\"PrimaryMeetingId\":\"" + primary.get("MeetingId").asText() + "\"}");
    MeetingSessionConfiguration viewer = api.attendees(replica, "gina").get(0);
    RecordingObserver events = new RecordingObserver();
    try (MeetingSession session = MeetingSession.create(viewer, headless())) {
      session.addObserver(events);
      session.start().get(20, TimeUnit.SECONDS);
      events.await("videoAvailability false");
      assertThat(session.canStartLocalVideo()).isFalse();
      MeetingSessionStatus status =
          session
              .startLocalVideo(LocalVideoSource.testPattern(VideoFormat.SD))
              .get(10, TimeUnit.SECONDS);
      assertThat(status.code()).isEqualTo(StatusCode.VIDEO_SEND_UNAVAILABLE);
      events.await("videoSendUnavailable VIDEO_SEND_UNAVAILABLE");
    }
  }

  @Test
  void removedAttendeeSessionStopsWithTheServersReason() throws Exception {
    JsonNode meeting = api.createMeeting("{}");
    MeetingSessionConfiguration hank = api.attendees(meeting, "hank").get(0);
    RecordingObserver events = new RecordingObserver();
    try (MeetingSession session = MeetingSession.create(hank, headless())) {
      session.addObserver(events);
      session.start().get(20, TimeUnit.SECONDS);
      api.deleteAttendee(meeting, session.self().attendeeId());
      events.await("stopped ATTENDEE_REMOVED");
      assertThat(events.events()).doesNotContain("reconnecting");
    }
  }

  /**
   * Frames decoded both ways at the sizes sent. The server forwards the best simulcast layer that
   * actually flows (libwebrtc starts with only the low layer while its bandwidth estimate is low),
   * so frames arrive from the start and grow to the full size once the high layer flows.
   */
  private static void assertFramesDecoded(
      MeetingSession alice,
      MeetingSession bob,
      VideoTile aliceAtBob,
      RecordingObserver aliceEvents,
      RecordingObserver bobEvents)
      throws InterruptedException {
    List<I420Frame> frames = new CopyOnWriteArrayList<>();
    AtomicReference<String> frameThread = new AtomicReference<>();
    bob.bindVideoTile(
        aliceAtBob.tileId(),
        (tile, frame) -> {
          frameThread.set(Thread.currentThread().getName());
          frames.add(frame);
        });
    // Decoded at a size sent: the server forwards the top simulcast layer (640x360); a sender
    // short of CPU or bandwidth may scale it down, so either layer size counts.
    bobEvents.await(
        e -> e.equals("tileUpdated alice 640x360") || e.equals("tileUpdated alice 320x180"),
        Duration.ofSeconds(30));
    aliceEvents.await(e -> e.equals("tileUpdated bob 320x180"), Duration.ofSeconds(30));
    awaitCondition(() -> frames.size() >= 10, "10 frames of alice at bob");
    I420Frame frame = frames.get(frames.size() - 1);
    assertThat(frame.y()).hasSize(frame.width() * frame.height());
    assertThat(frame.u()).hasSize(frame.chromaWidth() * frame.chromaHeight());
    assertThat(frame.width() * 9).isEqualTo(frame.height() * 16);
    assertThat(frame.toArgb(null)).hasSize(frame.width() * frame.height());
    assertThat(frameThread.get()).endsWith("-events");
  }

  static void awaitCondition(java.util.function.BooleanSupplier condition, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(what + ": not within " + WAIT);
      }
      Thread.sleep(20);
    }
  }
}
