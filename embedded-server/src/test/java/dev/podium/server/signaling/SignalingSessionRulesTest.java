package dev.podium.server.signaling;

import static dev.podium.server.signaling.SignalingFixtures.assertPresentable;
import static dev.podium.server.signaling.SignalingFixtures.createAttendee;
import static dev.podium.server.signaling.SignalingFixtures.createMeeting;
import static dev.podium.server.signaling.SignalingFixtures.joinMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.server.api.ApiClient;
import dev.podium.server.boot.PodiumServer;
import dev.podium.server.boot.ServerConfig;
import dev.podium.server.meeting.MeetingLimits;
import dev.podium.server.protocol.ClientMessage;
import dev.podium.server.protocol.ServerMessage;
import dev.podium.server.protocol.ServerMessage.PresenceState;
import dev.podium.server.protocol.StatusCode;
import dev.podium.server.signaling.SignalingFixtures.Session;
import dev.podium.server.signaling.SignalingFixtures.TestAttendee;
import dev.podium.server.signaling.SignalingFixtures.TestMeeting;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The session rules of signaling, with raw clients against a real server: capacity, presence,
 * resume and replacement, data-message rules (topic, size, lifetime for late joiners, rate limit),
 * and how DeleteMeeting and shutdown end sessions. The resume window's expiry (presence DROPPED
 * after 30 s) is not tested here: {@code Room.RESUME_WINDOW_MILLIS} is a constant.
 */
class SignalingSessionRulesTest {
  private static final String KEY = "signaling-rules-test-key";
  private static final Duration WAIT = Duration.ofSeconds(5);

  private static PodiumServer server;
  private static ApiClient api;

  @BeforeAll
  static void start() {
    server = PodiumServer.start(ServerConfig.ephemeral(KEY));
    api = new ApiClient("http://127.0.0.1:" + server.httpPort(), KEY);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static TestMeeting newMeeting() {
    return createMeeting(api, "{}");
  }

  private static ServerMessage.Presence awaitPresence(SignalingTestClient client)
      throws InterruptedException {
    return client.await(ServerMessage.Presence.class, p -> true, WAIT);
  }

  /** Round-trips a ping so that everything the server sent before it has been received. */
  private static void sync(SignalingTestClient client) throws InterruptedException {
    String id = "sync-" + UUID.randomUUID();
    client.send(new ClientMessage.Ping(id));
    client.await(ServerMessage.Pong.class, p -> id.equals(p.requestId()), WAIT);
  }

  private static List<ServerMessage.Presence> presenceIn(SignalingTestClient client) {
    return client.history().stream()
        .filter(ServerMessage.Presence.class::isInstance)
        .map(ServerMessage.Presence.class::cast)
        .toList();
  }

  private static ServerMessage.Ended awaitEnded(SignalingTestClient client, StatusCode code)
      throws InterruptedException {
    ServerMessage.Ended ended = client.await(ServerMessage.Ended.class, e -> true, WAIT);
    assertThat(ended.code()).as(ended.toString()).isEqualTo(code);
    assertPresentable(ended.message());
    client.awaitClosed(Duration.ofSeconds(1));
    return ended;
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String text(ServerMessage.Data data) {
    return new String(Base64.getDecoder().decode(data.data()), StandardCharsets.UTF_8);
  }

  // ---- capacity and presence ----

  @Test
  void thirdJoinIsRefusedAtCapacityUntilSomeoneLeaves() throws InterruptedException {
    TestMeeting meeting =
        createMeeting(api, "{\"MeetingFeatures\":{\"Attendee\":{\"MaxCount\":2}}}");
    TestAttendee a = createAttendee(api, meeting, "cap-a");
    TestAttendee b = createAttendee(api, meeting, "cap-b");
    TestAttendee c = createAttendee(api, meeting, "cap-c");
    try (Session alice = SignalingFixtures.join(meeting, a);
        Session bob = SignalingFixtures.join(meeting, b)) {
      try (SignalingTestClient carol = SignalingTestClient.connect(meeting.signalingUrl())) {
        carol.send(joinMessage("j", c.joinToken(), null));
        awaitEnded(carol, StatusCode.MEETING_AT_CAPACITY);
      }
      assertThat(awaitPresence(alice.client()).state()).isEqualTo(PresenceState.JOINED);

      bob.client().send(new ClientMessage.Leave("bye"));
      awaitEnded(bob.client(), StatusCode.LEFT);
      ServerMessage.Presence left = awaitPresence(alice.client());
      assertThat(left.attendeeId()).isEqualTo(b.attendeeId());
      assertThat(left.state()).isEqualTo(PresenceState.LEFT);

      try (Session carol = SignalingFixtures.join(meeting, c)) {
        assertThat(carol.joined().attendees())
            .extracting(ServerMessage.AttendeeInfo::attendeeId)
            .containsExactly(a.attendeeId());
        ServerMessage.Presence joined = awaitPresence(alice.client());
        assertThat(joined.attendeeId()).isEqualTo(c.attendeeId());
        assertThat(joined.state()).isEqualTo(PresenceState.JOINED);
      }
    }
  }

  @Test
  void serverLimitRefusesTheThirdJoinAndShutdownTellsEveryoneWhy() throws InterruptedException {
    String key = "signaling-rules-shutdown-key";
    PodiumServer small =
        PodiumServer.start(
            ServerConfig.ephemeral(key)
                .withLimits(MeetingLimits.DEFAULTS.withMaxConnectedAttendees(2)));
    try {
      ApiClient smallApi = new ApiClient("http://127.0.0.1:" + small.httpPort(), key);
      TestMeeting meeting = createMeeting(smallApi, "{}");
      TestAttendee a = createAttendee(smallApi, meeting, "small-a");
      TestAttendee b = createAttendee(smallApi, meeting, "small-b");
      TestAttendee c = createAttendee(smallApi, meeting, "small-c");
      try (Session alice = SignalingFixtures.join(meeting, a);
          Session bob = SignalingFixtures.join(meeting, b);
          SignalingTestClient carol = SignalingTestClient.connect(meeting.signalingUrl())) {
        carol.send(joinMessage("j", c.joinToken(), null));
        ServerMessage.Ended refused = awaitEnded(carol, StatusCode.MEETING_AT_CAPACITY);
        assertThat(refused.message()).contains("capacity");

        small.close();
        awaitEnded(alice.client(), StatusCode.SERVER_SHUTTING_DOWN);
        awaitEnded(bob.client(), StatusCode.SERVER_SHUTTING_DOWN);
      }
    } finally {
      small.close();
    }
  }

  @Test
  void presenceReachesTheOthersInOrder() throws InterruptedException {
    TestMeeting meeting = newMeeting();
    TestAttendee a = createAttendee(api, meeting, "order-a");
    TestAttendee b = createAttendee(api, meeting, "order-b");
    TestAttendee c = createAttendee(api, meeting, "order-c");
    try (Session alice = SignalingFixtures.join(meeting, a)) {
      assertThat(alice.joined().attendees()).isEmpty();
      assertThat(alice.joined().self().externalUserId()).isEqualTo("order-a");
      Session bob = SignalingFixtures.join(meeting, b);
      assertThat(bob.joined().attendees())
          .extracting(ServerMessage.AttendeeInfo::externalUserId)
          .containsExactly("order-a");
      Session carol = SignalingFixtures.join(meeting, c);
      assertThat(carol.joined().attendees())
          .extracting(ServerMessage.AttendeeInfo::externalUserId)
          .containsExactlyInAnyOrder("order-a", "order-b");
      bob.client().send(new ClientMessage.Leave("l"));
      awaitEnded(bob.client(), StatusCode.LEFT);
      carol.client().send(new ClientMessage.Leave("l"));
      awaitEnded(carol.client(), StatusCode.LEFT);

      List<String> seen = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        ServerMessage.Presence p = awaitPresence(alice.client());
        seen.add(p.externalUserId() + " " + p.state());
      }
      assertThat(seen)
          .containsExactly("order-b JOINED", "order-c JOINED", "order-b LEFT", "order-c LEFT");
      sync(alice.client());
      assertThat(presenceIn(alice.client())).isEmpty();
      bob.close();
      carol.close();
    }
  }

  // ---- resume and replacement ----

  @Test
  void abortedClientResumesWithinTheWindowWithoutPresenceChange() throws InterruptedException {
    TestMeeting meeting = newMeeting();
    TestAttendee a = createAttendee(api, meeting, "resume-a");
    TestAttendee b = createAttendee(api, meeting, "resume-b");
    try (Session alice = SignalingFixtures.join(meeting, a)) {
      Session bob = SignalingFixtures.join(meeting, b);
      awaitPresence(alice.client()); // bob JOINED
      String resumeToken = bob.joined().resumeToken();
      assertThat(resumeToken).isNotBlank();

      bob.client().abort();
      Thread.sleep(300); // let the server see the connection drop
      try (SignalingTestClient again = SignalingTestClient.connect(meeting.signalingUrl())) {
        again.send(joinMessage("resume", b.joinToken(), resumeToken));
        ServerMessage.Joined resumed = again.await(ServerMessage.Joined.class);
        assertThat(resumed.resumed()).isTrue();
        assertThat(resumed.requestId()).isEqualTo("resume");
        assertThat(resumed.self().attendeeId()).isEqualTo(b.attendeeId());
        assertThat(resumed.attendees())
            .extracting(ServerMessage.AttendeeInfo::attendeeId)
            .containsExactly(a.attendeeId());

        // The session is live both ways.
        again.send(new ClientMessage.SetMute("mute", true));
        assertThat(again.status("mute").code()).isEqualTo(StatusCode.OK);
        ServerMessage.MuteState mute = alice.client().await(ServerMessage.MuteState.class);
        assertThat(mute.attendeeId()).isEqualTo(b.attendeeId());
        alice.client().send(new ClientMessage.SendData("d", "chat", base64("still here?"), null));
        assertThat(alice.client().status("d").code()).isEqualTo(StatusCode.OK);
        assertThat(text(again.await(ServerMessage.Data.class))).isEqualTo("still here?");

        sync(alice.client());
        assertThat(presenceIn(alice.client())).as("no LEFT/DROPPED, no second JOINED").isEmpty();
      }
    }
  }

  @Test
  void joiningAgainWithoutResumeTokenReplacesThePreviousConnection() throws InterruptedException {
    TestMeeting meeting = newMeeting();
    TestAttendee a = createAttendee(api, meeting, "replace-a");
    TestAttendee b = createAttendee(api, meeting, "replace-b");
    try (Session alice = SignalingFixtures.join(meeting, a);
        Session bob = SignalingFixtures.join(meeting, b)) {
      awaitPresence(alice.client()); // bob JOINED
      Session bob2 = SignalingFixtures.join(meeting, b);
      assertThat(bob2.joined().resumed()).isFalse();
      assertThat(bob2.joined().resumeToken()).isNotEqualTo(bob.joined().resumeToken());
      awaitEnded(bob.client(), StatusCode.JOINED_FROM_ANOTHER_CONNECTION);

      // A forged resume token does not resume: it is a plain join that replaces again.
      try (SignalingTestClient bob3 = SignalingTestClient.connect(meeting.signalingUrl())) {
        bob3.send(joinMessage("j3", b.joinToken(), "forged-resume-token"));
        ServerMessage.Joined third = bob3.await(ServerMessage.Joined.class);
        assertThat(third.resumed()).isFalse();
        awaitEnded(bob2.client(), StatusCode.JOINED_FROM_ANOTHER_CONNECTION);

        bob3.send(new ClientMessage.SetMute("m", true));
        assertThat(alice.client().await(ServerMessage.MuteState.class).attendeeId())
            .isEqualTo(b.attendeeId());
        sync(alice.client());
        assertThat(presenceIn(alice.client())).isEmpty();
      }
      bob2.close();
    }
  }

  @Test
  void deletedAttendeeCannotResume() throws InterruptedException {
    TestMeeting meeting = newMeeting();
    TestAttendee a = createAttendee(api, meeting, "del-a");
    TestAttendee b = createAttendee(api, meeting, "del-b");
    try (Session alice = SignalingFixtures.join(meeting, a)) {
      Session bob = SignalingFixtures.join(meeting, b);
      awaitPresence(alice.client());
      bob.client().abort();
      assertThat(
              api.delete("/meetings/" + meeting.meetingId() + "/attendees/" + b.attendeeId())
                  .status())
          .isEqualTo(204);
      ServerMessage.Presence left = awaitPresence(alice.client());
      assertThat(left.attendeeId()).isEqualTo(b.attendeeId());
      assertThat(left.state()).isEqualTo(PresenceState.LEFT);
      try (SignalingTestClient again = SignalingTestClient.connect(meeting.signalingUrl())) {
        again.send(joinMessage("j", b.joinToken(), bob.joined().resumeToken()));
        awaitEnded(again, StatusCode.AUTHENTICATION_REJECTED);
      }
    }
  }

  // ---- mute ----

  @Test
  void muteStateReachesOthersOnceAndLateJoinersSeeIt() throws InterruptedException {
    TestMeeting meeting = newMeeting();
    TestAttendee a = createAttendee(api, meeting, "mute-a");
    TestAttendee b = createAttendee(api, meeting, "mute-b");
    TestAttendee c = createAttendee(api, meeting, "mute-c");
    try (Session alice = SignalingFixtures.join(meeting, a);
        Session bob = SignalingFixtures.join(meeting, b)) {
      alice.client().send(new ClientMessage.SetMute("m1", true));
      alice.client().send(new ClientMessage.SetMute("m2", true));
      assertThat(alice.client().status("m2").code()).isEqualTo(StatusCode.OK);
      ServerMessage.MuteState mute = bob.client().await(ServerMessage.MuteState.class);
      assertThat(mute.attendeeId()).isEqualTo(a.attendeeId());
      assertThat(mute.muted()).isTrue();
      sync(bob.client());
      assertThat(bob.client().history()).noneMatch(ServerMessage.MuteState.class::isInstance);
      try (Session carol = SignalingFixtures.join(meeting, c)) {
        assertThat(carol.joined().attendees())
            .filteredOn(i -> i.attendeeId().equals(a.attendeeId()))
            .singleElement()
            .matches(ServerMessage.AttendeeInfo::muted);
      }
    }
  }

  // ---- data messages ----

  @Test
  void dataMessageRulesRefuseBadOnesWithPreciseStatusesAndDeliverTheRest()
      throws InterruptedException {
    TestMeeting meeting = newMeeting();
    TestAttendee a = createAttendee(api, meeting, "data-a");
    TestAttendee b = createAttendee(api, meeting, "data-b");
    try (Session alice = SignalingFixtures.join(meeting, a);
        Session bob = SignalingFixtures.join(meeting, b)) {
      SignalingTestClient sender = alice.client();
      String ok2048 = Base64.getEncoder().encodeToString(new byte[2048]);
      String over = Base64.getEncoder().encodeToString(new byte[2049]);
      record Case(String topic, String data, Long lifetimeMs, StatusCode expected) {}
      List<Case> cases =
          List.of(
              new Case("t".repeat(37), base64("x"), null, StatusCode.DATA_MESSAGE_INVALID_TOPIC),
              new Case("", base64("x"), null, StatusCode.DATA_MESSAGE_INVALID_TOPIC),
              new Case(null, base64("x"), null, StatusCode.DATA_MESSAGE_INVALID_TOPIC),
              new Case("has space", base64("x"), null, StatusCode.DATA_MESSAGE_INVALID_TOPIC),
              new Case("émoji", base64("x"), null, StatusCode.DATA_MESSAGE_INVALID_TOPIC),
              new Case("chat", "not base64 !!", null, StatusCode.BAD_REQUEST),
              new Case("chat", over, null, StatusCode.DATA_MESSAGE_TOO_LARGE),
              new Case("chat", base64("x"), 300_001L, StatusCode.BAD_REQUEST),
              new Case("chat", base64("x"), -1L, StatusCode.BAD_REQUEST),
              new Case("t".repeat(36), base64("36"), null, StatusCode.OK),
              new Case("a", base64("one"), null, StatusCode.OK),
              new Case("Az09-_", ok2048, null, StatusCode.OK),
              new Case("chat", base64("max-lifetime"), 300_000L, StatusCode.OK));
      List<String> delivered = new ArrayList<>();
      for (int i = 0; i < cases.size(); i++) {
        Case c = cases.get(i);
        sender.send(new ClientMessage.SendData("c" + i, c.topic(), c.data(), c.lifetimeMs()));
        ServerMessage.Status status = sender.status("c" + i);
        assertThat(status.code()).as("case %s: %s", i, c).isEqualTo(c.expected());
        assertPresentable(status.message());
        if (c.expected() == StatusCode.OK) {
          delivered.add(c.topic());
        }
      }
      long before = System.currentTimeMillis();
      sender.send(new ClientMessage.SendData("end", "end", base64("end"), null));
      assertThat(sender.status("end").code()).isEqualTo(StatusCode.OK);
      delivered.add("end");

      List<ServerMessage.Data> received = new ArrayList<>();
      for (int i = 0; i < delivered.size(); i++) {
        received.add(bob.client().await(ServerMessage.Data.class, d -> true, WAIT));
      }
      assertThat(received).extracting(ServerMessage.Data::topic).isEqualTo(delivered);
      assertThat(received.get(2).data()).isEqualTo(ok2048);
      ServerMessage.Data last = received.get(received.size() - 1);
      assertThat(last.senderAttendeeId()).isEqualTo(a.attendeeId());
      assertThat(last.senderExternalUserId()).isEqualTo("data-a");
      assertThat(last.timestampMs()).isBetween(before - 1_000, System.currentTimeMillis() + 1);
      sync(bob.client());
      assertThat(bob.client().history()).noneMatch(ServerMessage.Data.class::isInstance);
      sync(sender);
      assertThat(sender.history())
          .as("no echo to the sender")
          .noneMatch(ServerMessage.Data.class::isInstance);
    }
  }

  @Test
  void lateJoinerGetsMessagesWithALifetimeAfterItsJoined() throws InterruptedException {
    TestMeeting meeting = newMeeting();
    TestAttendee a = createAttendee(api, meeting, "late-a");
    TestAttendee c = createAttendee(api, meeting, "late-c");
    try (Session alice = SignalingFixtures.join(meeting, a)) {
      SignalingTestClient sender = alice.client();
      sender.send(new ClientMessage.SendData("1", "kept", base64("kept"), 60_000L));
      sender.send(new ClientMessage.SendData("2", "fleeting", base64("fleeting"), null));
      sender.send(new ClientMessage.SendData("3", "zero", base64("zero"), 0L));
      sender.send(new ClientMessage.SendData("4", "expires", base64("expires"), 1L));
      sender.send(new ClientMessage.SendData("5", "kept-too", base64("kept too"), 60_000L));
      for (String id : List.of("1", "2", "3", "4", "5")) {
        assertThat(sender.status(id).code()).isEqualTo(StatusCode.OK);
      }
      Thread.sleep(20);
      try (SignalingTestClient carol = SignalingTestClient.connect(meeting.signalingUrl())) {
        carol.send(joinMessage("j", c.joinToken(), null));
        carol.await(ServerMessage.Joined.class);
        assertThat(carol.history()).as("nothing before joined").isEmpty();
        List<String> topics = new ArrayList<>();
        topics.add(carol.await(ServerMessage.Data.class).topic());
        topics.add(carol.await(ServerMessage.Data.class).topic());
        assertThat(topics).containsExactly("kept", "kept-too");
        sync(carol);
        assertThat(carol.history()).noneMatch(ServerMessage.Data.class::isInstance);
      }
    }
  }

  @Test
  void floodIsThrottledWithAStatusAndOnlyAcceptedMessagesAreDelivered() throws Exception {
    TestMeeting meeting = newMeeting();
    TestAttendee a = createAttendee(api, meeting, "flood-a");
    TestAttendee b = createAttendee(api, meeting, "flood-b");
    try (Session alice = SignalingFixtures.join(meeting, a);
        Session bob = SignalingFixtures.join(meeting, b)) {
      SignalingTestClient sender = alice.client();
      int count = 300;
      long started = System.nanoTime();
      for (int i = 0; i < count; i++) {
        sender.send(new ClientMessage.SendData("f" + i, "flood", base64("m" + i), null));
      }
      List<StatusCode> codes = new ArrayList<>();
      List<String> accepted = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        ServerMessage.Status status = sender.status("f" + i);
        codes.add(status.code());
        if (status.code() == StatusCode.OK) {
          accepted.add("m" + i);
        } else {
          assertThat(status.code()).isEqualTo(StatusCode.THROTTLED);
          assertThat(status.message()).contains("not sent");
        }
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      System.out.printf("flood of %d in %.3f s: %d accepted%n", count, seconds, accepted.size());
      assertThat(codes.subList(0, 100)).as("the burst").containsOnly(StatusCode.OK);
      assertThat(codes).contains(StatusCode.THROTTLED);
      // 100 burst + 50/s refill over the flood's duration.
      assertThat(accepted.size()).isLessThanOrEqualTo(100 + (int) Math.ceil(50 * seconds) + 1);

      List<String> received = new ArrayList<>();
      for (int i = 0; i < accepted.size(); i++) {
        received.add(text(bob.client().await(ServerMessage.Data.class, d -> true, WAIT)));
      }
      assertThat(received).isEqualTo(accepted);
      sync(bob.client());
      assertThat(bob.client().history()).noneMatch(ServerMessage.Data.class::isInstance);

      Thread.sleep(200); // 50/s refill: about 10 tokens
      sender.send(new ClientMessage.SendData("later", "flood", base64("later"), null));
      assertThat(sender.status("later").code()).isEqualTo(StatusCode.OK);
    }
  }

  // ---- media sessions ----

  private static void awaitTransports(int expected) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
    while (server.media().transportCount() != expected && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(server.media().transportCount()).as("media transports").isEqualTo(expected);
  }

  @Test
  void mediaSessionsFollowTheSignalingSessions() throws InterruptedException {
    TestMeeting meeting = newMeeting();
    TestAttendee a = createAttendee(api, meeting, "media-a");
    TestAttendee b = createAttendee(api, meeting, "media-b");
    int base = server.media().transportCount();
    Session alice = SignalingFixtures.join(meeting, a);
    Session bob = SignalingFixtures.join(meeting, b);
    try {
      awaitTransports(base + 2);
      bob.client().send(new ClientMessage.Leave("l"));
      awaitEnded(bob.client(), StatusCode.LEFT);
      awaitTransports(base + 1);

      Session replacement = SignalingFixtures.join(meeting, a);
      awaitEnded(alice.client(), StatusCode.JOINED_FROM_ANOTHER_CONNECTION);
      alice.close();
      alice = replacement;
      awaitTransports(base + 1);

      alice.client().abort();
      Thread.sleep(200);
      assertThat(server.media().transportCount())
          .as("kept for the resume window")
          .isEqualTo(base + 1);
      try (SignalingTestClient resumed = SignalingTestClient.connect(meeting.signalingUrl())) {
        resumed.send(joinMessage("r", a.joinToken(), alice.joined().resumeToken()));
        assertThat(resumed.await(ServerMessage.Joined.class).resumed()).isTrue();
        awaitTransports(base + 1);
        assertThat(api.delete("/meetings/" + meeting.meetingId()).status()).isEqualTo(204);
        awaitEnded(resumed, StatusCode.MEETING_ENDED);
        awaitTransports(base);
      }
    } finally {
      alice.close();
      bob.close();
    }
  }

  // ---- ending ----

  @Test
  void deleteMeetingEndsEverySessionWithinASecond() throws InterruptedException {
    TestMeeting meeting = newMeeting();
    List<TestAttendee> attendees = new ArrayList<>();
    List<Session> sessions = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        TestAttendee attendee = createAttendee(api, meeting, "end-" + i);
        attendees.add(attendee);
        sessions.add(SignalingFixtures.join(meeting, attendee));
      }
      long deleted = System.nanoTime();
      assertThat(api.delete("/meetings/" + meeting.meetingId()).status()).isEqualTo(204);
      for (Session session : sessions) {
        awaitEnded(session.client(), StatusCode.MEETING_ENDED);
      }
      assertThat(Duration.ofNanos(System.nanoTime() - deleted)).isLessThan(Duration.ofSeconds(1));
      for (Session session : sessions) {
        assertThat(presenceIn(session.client()))
            .as("no LEFT storm while the meeting ends")
            .noneMatch(p -> p.state() != PresenceState.JOINED);
      }
      // The meeting's tokens are dead: a rejoin is refused with a code.
      try (SignalingTestClient again = SignalingTestClient.connect(meeting.signalingUrl())) {
        again.send(joinMessage("j", attendees.get(0).joinToken(), null));
        ServerMessage.Ended ended = again.await(ServerMessage.Ended.class);
        assertThat(ended.code())
            .isIn(
                StatusCode.MEETING_NOT_FOUND,
                StatusCode.MEETING_ENDED,
                StatusCode.AUTHENTICATION_REJECTED);
      }
    } finally {
      sessions.forEach(Session::close);
    }
  }
}
