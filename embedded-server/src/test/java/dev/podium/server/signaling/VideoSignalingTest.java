package dev.podium.server.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.media.session.MediaSession;
import dev.podium.media.transport.Impairment;
import dev.podium.server.api.ApiClient;
import dev.podium.server.boot.PodiumServer;
import dev.podium.server.boot.ServerConfig;
import dev.podium.server.meeting.AttendeeId;
import dev.podium.server.meeting.MeetingId;
import dev.podium.server.meeting.MeetingLimits;
import dev.podium.server.protocol.ClientMessage;
import dev.podium.server.protocol.ServerMessage;
import dev.podium.server.protocol.ServerMessage.SourceInfo;
import dev.podium.server.protocol.StatusCode;
import dev.podium.server.signaling.SignalingFixtures.TestAttendee;
import dev.podium.server.signaling.SignalingFixtures.TestMeeting;
import dev.podium.testkit.PeerEnvironment;
import dev.podium.testkit.ReceivedVideo;
import dev.podium.testkit.TestPeer;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Video over signaling with real webrtc-java peers through the real server: tile preferences choose
 * the simulcast layer, bandwidth pauses are reported, the video sender cap (lowered to 2 here) and
 * content shares.
 */
class VideoSignalingTest {
  private static final String KEY = "video-signaling-test-key-0123";
  private static PodiumServer server;
  private static ApiClient api;
  private static PeerEnvironment peers;

  @BeforeAll
  static void start() {
    server =
        PodiumServer.start(
            ServerConfig.ephemeral(KEY)
                .withLimits(MeetingLimits.DEFAULTS.withMaxVideoSenders(2).withMaxContentShares(1)));
    api = new ApiClient("http://127.0.0.1:" + server.httpPort(), KEY);
    peers = PeerEnvironment.create();
  }

  @AfterAll
  static void stop() {
    peers.close();
    server.close();
  }

  @Test
  void tileSizePreferencesChooseTheSimulcastLayerTheSubscriberDecodes() throws Exception {
    TestMeeting meeting = SignalingFixtures.createMeeting(api, "{\"ExternalMeetingId\":\"tiles\"}");
    TestPeer publisherPeer = peers.newPeer("publisher").sendVideo(640, 360, 30, 2).build();
    TestPeer viewerPeer = peers.newPeer("viewer").receiveAudio(1).receiveVideo(1).build();
    try (JoinedPeer publisher = join(publisherPeer, meeting, "publisher");
        JoinedPeer viewer = join(viewerPeer, meeting, "viewer")) {
      publisher.negotiate(List.of());
      SourceInfo source = awaitSources(viewer, 1).get(0);
      viewer.negotiate(List.of(source));
      ReceivedVideo video = viewerPeer.receivedVideo().get(0);

      preferences(viewer, "small", source.sourceId(), 1, 320, 180, false);
      video.awaitFrames(10, Duration.ofSeconds(10));
      await("small tile decodes 320x180", Duration.ofSeconds(10), () -> video.lastWidth() == 320);
      assertThat(video.lastHeight()).isEqualTo(180);

      preferences(viewer, "large", source.sourceId(), 1, 640, 360, false);
      await("large tile decodes 640x360", Duration.ofSeconds(15), () -> video.lastWidth() == 640);
      assertThat(video.lastHeight()).isEqualTo(360);

      // A paused tile gets nothing until resumed.
      preferences(viewer, "pause", source.sourceId(), 1, 640, 360, true);
      Thread.sleep(500);
      long framesWhenPaused = video.frameCount();
      Thread.sleep(1_000);
      assertThat(video.frameCount() - framesWhenPaused).isLessThanOrEqualTo(2);
      preferences(viewer, "resume", source.sourceId(), 1, 640, 360, false);
      video.awaitFrames(framesWhenPaused + 15, Duration.ofSeconds(10));

      viewer.signaling.send(
          new ClientMessage.VideoPreferences(
              "bad", List.of(new ClientMessage.VideoPreference(null, 1, 1, 1, false))));
      assertThat(viewer.signaling.status("bad").code()).isEqualTo(StatusCode.BAD_REQUEST);
    }
  }

  @Test
  void aNarrowDownlinkPausesTheLowerPriorityTileAndTheClientIsTold() throws Exception {
    TestMeeting meeting =
        SignalingFixtures.createMeeting(api, "{\"ExternalMeetingId\":\"paused\"}");
    TestPeer firstPeer = peers.newPeer("first").sendVideo(320, 180, 30, 1).build();
    TestPeer secondPeer = peers.newPeer("second").sendVideo(320, 180, 30, 1).build();
    TestPeer viewerPeer = peers.newPeer("viewer").receiveAudio(1).receiveVideo(2).build();
    try (JoinedPeer first = join(firstPeer, meeting, "first");
        JoinedPeer second = join(secondPeer, meeting, "second");
        JoinedPeer viewer = join(viewerPeer, meeting, "viewer")) {
      first.negotiate(List.of());
      second.negotiate(List.of());
      List<SourceInfo> sources = awaitSources(viewer, 2);
      SourceInfo important = owner(sources, first.attendeeId());
      SourceInfo minor = owner(sources, second.attendeeId());
      viewer.negotiate(List.of(important, minor));
      viewer.signaling.send(
          new ClientMessage.VideoPreferences(
              "prefs",
              List.of(
                  new ClientMessage.VideoPreference(important.sourceId(), 1, 320, 180, false),
                  new ClientMessage.VideoPreference(minor.sourceId(), 2, 320, 180, false))));
      assertThat(viewer.signaling.status("prefs").code()).isEqualTo(StatusCode.OK);
      for (ReceivedVideo video : viewerPeer.receivedVideo()) {
        video.awaitFrames(15, Duration.ofSeconds(10));
      }

      Impairment bottleneck = Impairment.outgoingRate(120_000, 8_000);
      mediaOf(meeting, viewer.attendeeId()).transport().setImpairment(bottleneck);
      ServerMessage.VideoPaused paused =
          viewer.signaling.await(
              ServerMessage.VideoPaused.class,
              p -> p.sourceIds().contains(minor.sourceId()),
              Duration.ofSeconds(15));
      // The most important tile is never paused.
      assertThat(paused.sourceIds()).containsExactly(minor.sourceId());
    }
  }

  @Test
  void theThirdVideoSenderIsRefusedUntilASlotFrees() throws Exception {
    TestMeeting meeting = SignalingFixtures.createMeeting(api, "{\"ExternalMeetingId\":\"cap\"}");
    TestPeer alicePeer = peers.newPeer("alice").sendVideo(320, 180, 15, 1).build();
    TestPeer bobPeer =
        peers.newPeer("bob").sendVideo(320, 180, 15, 1).receiveAudio(1).receiveVideo(2).build();
    TestPeer carolPeer = peers.newPeer("carol").sendVideo(320, 180, 15, 1).receiveAudio(1).build();
    try (JoinedPeer bob = join(bobPeer, meeting, "bob");
        JoinedPeer carol = join(carolPeer, meeting, "carol");
        JoinedPeer alice = join(alicePeer, meeting, "alice")) {
      alice.negotiate(List.of());
      bob.negotiate(List.of());
      // Full now: carol, without a slot, is told.
      carol.signaling.await(
          ServerMessage.VideoAvailability.class,
          a -> !a.canStartLocalVideo(),
          Duration.ofSeconds(5));

      carol.signaling.clear();
      String answer = carol.negotiate(List.of(), false);
      assertThat(carol.signaling.await(ServerMessage.Status.class).code())
          .isEqualTo(StatusCode.VIDEO_SEND_UNAVAILABLE);
      assertThat(mediaSection(answer, carolPeer.sentVideoMid())).contains("a=inactive");
      Thread.sleep(1_000);
      assertThat(videoProducers(meeting)).as("carol's camera is not published").isEqualTo(2);
      assertThat(awaitSources(bob, 1))
          .extracting(SourceInfo::attendeeId)
          .containsExactly(alice.attendeeId());

      alice.signaling.send(new ClientMessage.Leave("bye"));
      carol.signaling.await(
          ServerMessage.VideoAvailability.class,
          ServerMessage.VideoAvailability::canStartLocalVideo,
          Duration.ofSeconds(5));
      carol.signaling.clear();
      answer = carol.negotiate(List.of(), false);
      assertThat(mediaSection(answer, carolPeer.sentVideoMid())).contains("a=recvonly");
      ServerMessage.Sources carolForBob =
          bob.signaling.await(
              ServerMessage.Sources.class,
              s -> s.sources().stream().anyMatch(i -> i.attendeeId().equals(carol.attendeeId())),
              Duration.ofSeconds(10));
      bob.negotiate(carolForBob.sources());
      bobPeer.receivedVideo().get(0).awaitFrames(10, Duration.ofSeconds(10));
    }
  }

  @Test
  void aContentShareIsItsOwnSourceAndASecondOneIsRefused() throws Exception {
    TestMeeting meeting =
        SignalingFixtures.createMeeting(api, "{\"ExternalMeetingId\":\"content\"}");
    TestPeer sharerPeer = peers.newPeer("sharer").sendVideo(640, 360, 15, 1).build();
    TestPeer otherPeer = peers.newPeer("other").sendVideo(320, 180, 15, 1).receiveAudio(1).build();
    TestPeer viewerPeer = peers.newPeer("viewer").receiveAudio(1).receiveVideo(1).build();
    try (JoinedPeer sharer = join(sharerPeer, meeting, "sharer");
        JoinedPeer other = join(otherPeer, meeting, "other");
        JoinedPeer viewer = join(viewerPeer, meeting, "viewer")) {
      String answer = sharer.negotiate(List.of(), true);
      assertThat(mediaSection(answer, sharerPeer.sentVideoMid())).contains("a=recvonly");
      SourceInfo content = awaitSources(viewer, 1).get(0);
      assertThat(content.kind()).isEqualTo("content");
      assertThat(content.attendeeId()).isEqualTo(sharer.attendeeId() + "#content");
      assertThat(content.externalUserId()).isEqualTo("sharer");
      viewer.negotiate(List.of(content));
      ReceivedVideo video = viewerPeer.receivedVideo().get(0);
      video.awaitFrames(10, Duration.ofSeconds(10));
      assertThat(video.lastWidth()).isEqualTo(640);

      other.signaling.clear();
      answer = other.negotiate(List.of(), true);
      assertThat(other.signaling.await(ServerMessage.Status.class).code())
          .isEqualTo(StatusCode.CONTENT_SHARE_UNAVAILABLE);
      assertThat(mediaSection(answer, otherPeer.sentVideoMid())).contains("a=inactive");
      Thread.sleep(500);
      assertThat(videoProducers(meeting)).as("the second share is not published").isEqualTo(1);
    }
  }

  // ---- helpers ----

  private static JoinedPeer join(TestPeer peer, TestMeeting meeting, String name)
      throws InterruptedException {
    TestAttendee attendee = SignalingFixtures.createAttendee(api, meeting, name);
    return JoinedPeer.join(peer, meeting.signalingUrl(), attendee.joinToken());
  }

  /** The latest source list with exactly {@code count} entries (joined's or a sources event). */
  private static List<SourceInfo> awaitSources(JoinedPeer peer, int count)
      throws InterruptedException {
    if (peer.joined.sources().size() == count && count == 0) {
      return peer.joined.sources();
    }
    List<SourceInfo> latest = peer.joined.sources();
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (latest.size() != count) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("no " + count + " sources; last " + latest);
      }
      latest =
          peer.signaling
              .await(ServerMessage.Sources.class, s -> true, Duration.ofNanos(left))
              .sources();
    }
    return latest;
  }

  private static SourceInfo owner(List<SourceInfo> sources, String attendeeId) {
    return sources.stream().filter(s -> s.attendeeId().equals(attendeeId)).findFirst().get();
  }

  private static long videoProducers(TestMeeting meeting) {
    Room room = server.rooms().find(MeetingId.parse(meeting.meetingId())).orElseThrow();
    return room.router.producers().stream()
        .filter(p -> p.kind() == dev.podium.media.routing.MediaKind.VIDEO)
        .count();
  }

  private static void preferences(
      JoinedPeer viewer,
      String requestId,
      String sourceId,
      int priority,
      int width,
      int height,
      boolean paused)
      throws InterruptedException {
    viewer.signaling.send(
        new ClientMessage.VideoPreferences(
            requestId,
            List.of(new ClientMessage.VideoPreference(sourceId, priority, width, height, paused))));
    assertThat(viewer.signaling.status(requestId).code()).isEqualTo(StatusCode.OK);
  }

  private static MediaSession mediaOf(TestMeeting meeting, String attendeeId) {
    Room room = server.rooms().find(MeetingId.parse(meeting.meetingId())).orElseThrow();
    synchronized (room.lock) {
      return room.participants.get(AttendeeId.parse(attendeeId)).media;
    }
  }

  /** The m-section of {@code mid} in an SDP. */
  private static String mediaSection(String sdp, String mid) {
    for (String section : sdp.split("\r\nm=")) {
      if (section.contains("\r\na=mid:" + mid + "\r\n")) {
        return section;
      }
    }
    throw new AssertionError("no m-line " + mid + " in " + sdp);
  }

  private static void await(String what, Duration timeout, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + timeout + ": " + what);
      }
      Thread.sleep(50);
    }
  }
}
