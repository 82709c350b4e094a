package dev.podium.server.signaling;

import static dev.podium.server.signaling.SignalingFixtures.assertPresentable;
import static dev.podium.server.signaling.SignalingFixtures.createAttendee;
import static dev.podium.server.signaling.SignalingFixtures.createMeeting;
import static dev.podium.server.signaling.SignalingFixtures.joinMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.server.api.ApiClient;
import dev.podium.server.boot.PodiumServer;
import dev.podium.server.boot.ServerConfig;
import dev.podium.server.protocol.ClientMessage;
import dev.podium.server.protocol.ServerMessage;
import dev.podium.server.protocol.SignalCodec;
import dev.podium.server.protocol.StatusCode;
import dev.podium.server.signaling.SignalingFixtures.Session;
import dev.podium.server.signaling.SignalingFixtures.TestAttendee;
import dev.podium.server.signaling.SignalingFixtures.TestMeeting;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile input on the signaling WebSocket: every bad frame or message gets a status or ended
 * message with a code (never a silent drop or an unexplained close), no message leaks a stack
 * trace, and the server keeps serving others afterwards.
 */
class SignalingHostileInputTest {
  private static final String KEY = "signaling-hostile-test-key";
  private static final Duration WAIT = Duration.ofSeconds(5);
  private static final SignalCodec CODEC = new SignalCodec();

  private static PodiumServer server;
  private static ApiClient api;
  private static TestMeeting meeting;
  private static TestMeeting otherMeeting;

  @BeforeAll
  static void start() {
    server = PodiumServer.start(ServerConfig.ephemeral(KEY));
    api = new ApiClient("http://127.0.0.1:" + server.httpPort(), KEY);
    meeting = createMeeting(api, "{\"ExternalMeetingId\":\"hostile\"}");
    otherMeeting = createMeeting(api, "{\"ExternalMeetingId\":\"other\"}");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String signalingBase() {
    String url = meeting.signalingUrl();
    return url.substring(0, url.lastIndexOf('/') + 1);
  }

  /** Sends {@code raw} and expects a status with {@code code}; the connection stays usable. */
  private static ServerMessage.Status expectStatus(
      SignalingTestClient client, String raw, String requestId, StatusCode code)
      throws InterruptedException {
    client.sendRaw(raw);
    ServerMessage.Status status =
        client.await(
            ServerMessage.Status.class,
            s -> java.util.Objects.equals(requestId, s.requestId()),
            WAIT);
    assertThat(status.code()).as(raw + " → " + status).isEqualTo(code);
    assertPresentable(status.message());
    return status;
  }

  private static void assertStillServes(SignalingTestClient client) throws InterruptedException {
    String id = "ping-" + UUID.randomUUID();
    client.send(new ClientMessage.Ping(id));
    assertThat(client.await(ServerMessage.Pong.class, p -> id.equals(p.requestId()), WAIT))
        .isNotNull();
    assertThat(client.isClosedByServer()).isFalse();
  }

  private static ServerMessage.Ended expectEnded(SignalingTestClient client, StatusCode code)
      throws InterruptedException {
    ServerMessage.Ended ended = client.await(ServerMessage.Ended.class, e -> true, WAIT);
    assertThat(ended.code()).as(ended.toString()).isEqualTo(code);
    assertPresentable(ended.message());
    client.awaitClosed(Duration.ofSeconds(2));
    return ended;
  }

  @Test
  void malformedJsonIsAnsweredWithBadRequestAndTheConnectionStaysOpen()
      throws InterruptedException {
    try (SignalingTestClient client = SignalingTestClient.connect(meeting.signalingUrl())) {
      expectStatus(client, "{not json", null, StatusCode.BAD_REQUEST);
      expectStatus(client, "", null, StatusCode.BAD_REQUEST);
      expectStatus(client, "{\"type\":\"ping\"", null, StatusCode.BAD_REQUEST);
      expectStatus(client, "\"just a string\"", null, StatusCode.BAD_REQUEST);
      expectStatus(client, "42", null, StatusCode.BAD_REQUEST);
      expectStatus(client, "null", null, StatusCode.BAD_REQUEST);
      assertStillServes(client);
    }
  }

  @Test
  void jsonArrayIsNotAMessage() throws InterruptedException {
    try (SignalingTestClient client = SignalingTestClient.connect(meeting.signalingUrl())) {
      ServerMessage.Status status =
          expectStatus(
              client, "[{\"type\":\"ping\",\"requestId\":\"a\"}]", null, StatusCode.BAD_REQUEST);
      assertThat(status.message()).contains("object");
      assertStillServes(client);
    }
  }

  @Test
  void missingOrNonStringTypeIsABadRequestThatEchoesTheRequestId() throws InterruptedException {
    try (SignalingTestClient client = SignalingTestClient.connect(meeting.signalingUrl())) {
      ServerMessage.Status status =
          expectStatus(client, "{\"requestId\":\"r1\"}", "r1", StatusCode.BAD_REQUEST);
      assertThat(status.message()).contains("type");
      expectStatus(client, "{\"requestId\":\"r2\",\"type\":7}", "r2", StatusCode.BAD_REQUEST);
      expectStatus(client, "{\"requestId\":\"r3\",\"type\":null}", "r3", StatusCode.BAD_REQUEST);
      assertStillServes(client);
    }
  }

  @Test
  void unknownTypesAndServerMessageTypesAreUnknownMessageTypes() throws InterruptedException {
    try (SignalingTestClient client = SignalingTestClient.connect(meeting.signalingUrl())) {
      ServerMessage.Status status =
          expectStatus(
              client,
              "{\"type\":\"teleport\",\"requestId\":\"u1\"}",
              "u1",
              StatusCode.UNKNOWN_MESSAGE_TYPE);
      assertThat(status.message()).contains("teleport");
      expectStatus(
          client,
          "{\"type\":\"pong\",\"requestId\":\"u2\"}",
          "u2",
          StatusCode.UNKNOWN_MESSAGE_TYPE);
      expectStatus(
          client, "{\"type\":\"\",\"requestId\":\"u3\"}", "u3", StatusCode.UNKNOWN_MESSAGE_TYPE);
      assertStillServes(client);
    }
  }

  @Test
  void wrongFieldTypesAreBadRequestsNamingNoInternals() throws InterruptedException {
    try (SignalingTestClient client = SignalingTestClient.connect(meeting.signalingUrl())) {
      List<String> bad =
          List.of(
              "{\"type\":\"set-mute\",\"requestId\":\"w1\",\"muted\":\"yes\"}",
              "{\"type\":\"set-mute\",\"requestId\":\"w2\",\"muted\":null}",
              "{\"type\":\"join\",\"requestId\":\"w3\",\"protocolVersion\":\"one\","
                  + "\"joinToken\":\"x\"}",
              "{\"type\":\"join\",\"requestId\":\"w4\",\"protocolVersion\":1,"
                  + "\"joinToken\":{\"a\":1}}",
              "{\"type\":\"send-data\",\"requestId\":\"w5\",\"topic\":[1,2],\"data\":\"\"}",
              "{\"type\":\"send-data\",\"requestId\":\"w6\",\"topic\":\"t\",\"lifetimeMs\":\"soon\"}",
              "{\"type\":\"offer\",\"requestId\":\"w7\",\"sdp\":\"v=0\",\"videoBindings\":[1]}",
              "{\"type\":\"join\",\"requestId\":\"w8\",\"protocolVersion\":1,"
                  + "\"joinToken\":\"x\",\"clientInfo\":\"not a map\"}");
      for (int i = 0; i < bad.size(); i++) {
        expectStatus(client, bad.get(i), "w" + (i + 1), StatusCode.BAD_REQUEST);
      }
      assertStillServes(client);
    }
  }

  @Test
  void binaryFrameIsRefusedWithAStatus() {
    try (RawWebSocket ws = RawWebSocket.open(meeting.signalingUrl())) {
      ws.sendFrame(RawWebSocket.BINARY, true, new byte[] {1, 2, 3});
      ServerMessage.Status status = decodeText(ws.read(WAIT), ServerMessage.Status.class);
      assertThat(status.code()).isEqualTo(StatusCode.BAD_REQUEST);
      assertThat(status.message()).contains("text");
      ws.sendText("{\"type\":\"ping\",\"requestId\":\"after-binary\"}");
      assertThat(decodeText(ws.read(WAIT), ServerMessage.Pong.class).requestId())
          .isEqualTo("after-binary");
    }
  }

  @Test
  void messageOfExactly64KibIsAccepted() {
    String prefix = "{\"type\":\"ping\",\"requestId\":\"";
    String suffix = "\"}";
    String id = "x".repeat(SignalCodec.MAX_MESSAGE_BYTES - prefix.length() - suffix.length());
    String text = prefix + id + suffix;
    assertThat(text.getBytes(StandardCharsets.UTF_8)).hasSize(SignalCodec.MAX_MESSAGE_BYTES);
    try (RawWebSocket ws = RawWebSocket.open(meeting.signalingUrl())) {
      ws.sendText(text);
      assertThat(decodeText(ws.read(WAIT), ServerMessage.Pong.class).requestId()).isEqualTo(id);
    }
  }

  @Test
  void frameOver64KibClosesWithMessageTooBigAndTheServerKeepsServing() throws InterruptedException {
    try (SignalingTestClient bystander = SignalingTestClient.connect(meeting.signalingUrl());
        RawWebSocket ws = RawWebSocket.open(meeting.signalingUrl())) {
      ws.sendText(
          "{\"type\":\"ping\",\"requestId\":\""
              + "y".repeat(SignalCodec.MAX_MESSAGE_BYTES + 1)
              + "\"}");
      // What a client sees: an explained end, never a bare TCP close.
      RawWebSocket.Frame frame = ws.read(WAIT);
      assertThat(frame.isEof()).as("closed without a close frame or status").isFalse();
      if (frame.opcode() == RawWebSocket.TEXT) {
        ServerMessage message = CODEC.decode(frame.text(), ServerMessage.class);
        assertThat(message).isInstanceOfAny(ServerMessage.Status.class, ServerMessage.Ended.class);
      } else {
        assertThat(frame.opcode()).isEqualTo(RawWebSocket.CLOSE);
        // RFC 6455 section 7.4.1: 1009 = message too big to process.
        assertThat(frame.closeCode()).isEqualTo(1009);
      }
      assertStillServes(bystander);
    }
    try (SignalingTestClient fresh = SignalingTestClient.connect(meeting.signalingUrl())) {
      assertStillServes(fresh);
    }
  }

  @Test
  void fragmentedTextMessageIsReassembled() {
    try (RawWebSocket ws = RawWebSocket.open(meeting.signalingUrl())) {
      ws.sendFrame(
          RawWebSocket.TEXT, false, "{\"type\":\"ping\",".getBytes(StandardCharsets.UTF_8));
      ws.sendFrame(
          RawWebSocket.CONTINUATION,
          true,
          "\"requestId\":\"frag\"}".getBytes(StandardCharsets.UTF_8));
      assertThat(decodeText(ws.read(WAIT), ServerMessage.Pong.class).requestId()).isEqualTo("frag");
    }
  }

  @Test
  void fragmentedMessageOver64KibIsRefusedOnceAndTheConnectionContinues() {
    byte[] chunk = "w".repeat(30_000).getBytes(StandardCharsets.UTF_8);
    try (RawWebSocket ws = RawWebSocket.open(meeting.signalingUrl())) {
      ws.sendFrame(
          RawWebSocket.TEXT,
          false,
          "{\"type\":\"ping\",\"requestId\":\"".getBytes(StandardCharsets.UTF_8));
      ws.sendFrame(RawWebSocket.CONTINUATION, false, chunk);
      ws.sendFrame(RawWebSocket.CONTINUATION, false, chunk);
      ws.sendFrame(RawWebSocket.CONTINUATION, true, chunk);
      RawWebSocket.Frame frame = ws.read(WAIT);
      if (frame.opcode() == RawWebSocket.CLOSE) {
        // Acceptable too: RFC 6455 section 7.4.1, 1009 = message too big.
        assertThat(frame.closeCode()).isEqualTo(1009);
        return;
      }
      ServerMessage.Status status = decodeText(frame, ServerMessage.Status.class);
      assertThat(status.code()).isEqualTo(StatusCode.BAD_REQUEST);
      assertPresentable(status.message());
      // One refusal for the one message: the next reply answers the next message.
      ws.sendText("{\"type\":\"ping\",\"requestId\":\"after\"}");
      assertThat(decodeText(ws.read(WAIT), ServerMessage.Pong.class).requestId())
          .isEqualTo("after");
    }
  }

  @Test
  void largeMessageFromTheJdkClientIsOneMessage() throws InterruptedException {
    String id = "z".repeat(40_000);
    try (SignalingTestClient client = SignalingTestClient.connect(meeting.signalingUrl())) {
      client.send(new ClientMessage.Ping(id));
      assertThat(client.await(ServerMessage.Pong.class, p -> true, WAIT).requestId()).isEqualTo(id);
      assertThat(client.history()).isEmpty();
    }
  }

  @Test
  void refusedJoinEndsWithEndedThenACloseFrame() {
    try (RawWebSocket ws = RawWebSocket.open(meeting.signalingUrl())) {
      ws.sendText(CODEC.encode(joinMessage("j", "wrong-token", null)));
      assertThat(decodeText(ws.read(WAIT), ServerMessage.Ended.class).code())
          .isEqualTo(StatusCode.AUTHENTICATION_REJECTED);
      // RFC 6455 section 7.1.2: the server starts the closing handshake with a Close frame.
      RawWebSocket.Frame close = ws.read(WAIT);
      assertThat(close.opcode())
          .as("a Close frame, not a bare TCP close")
          .isEqualTo(RawWebSocket.CLOSE);
    }
  }

  @Test
  void requestsBeforeJoinAreNotJoined() throws InterruptedException {
    try (SignalingTestClient client = SignalingTestClient.connect(meeting.signalingUrl())) {
      client.send(new ClientMessage.Offer("o1", "v=0\r\n", Map.of()));
      client.send(new ClientMessage.SendData("d1", "chat", "aGk=", null));
      client.send(new ClientMessage.SetMute("m1", true));
      client.send(new ClientMessage.Leave("l1"));
      for (String id : List.of("o1", "d1", "m1", "l1")) {
        ServerMessage.Status status = client.status(id);
        assertThat(status.code()).as(id).isEqualTo(StatusCode.NOT_JOINED);
        assertPresentable(status.message());
      }
      assertStillServes(client);
    }
  }

  @Test
  void tokenOfAnotherMeetingIsRejected() throws InterruptedException {
    TestAttendee stranger = createAttendee(api, otherMeeting, "stranger");
    try (SignalingTestClient client = SignalingTestClient.connect(meeting.signalingUrl())) {
      client.send(joinMessage("j", stranger.joinToken(), null));
      expectEnded(client, StatusCode.AUTHENTICATION_REJECTED);
    }
    // The same token still joins its own meeting.
    try (Session own = SignalingFixtures.join(otherMeeting, stranger)) {
      assertThat(own.joined().meeting().meetingId()).isEqualTo(otherMeeting.meetingId());
    }
  }

  @Test
  void unknownMissingAndEmptyTokensAreRejected() throws InterruptedException {
    for (String token : new String[] {"not-a-token", "", null, "x".repeat(10_000)}) {
      try (SignalingTestClient client = SignalingTestClient.connect(meeting.signalingUrl())) {
        client.send(joinMessage("j", token, null));
        expectEnded(client, StatusCode.AUTHENTICATION_REJECTED);
      }
    }
  }

  @Test
  void nonUuidMeetingPathEndsAtOnceWithMeetingNotFound() throws InterruptedException {
    for (String path : List.of("not-a-uuid", "..%2f..%2fetc", "ABC", "z".repeat(1000))) {
      try (SignalingTestClient client = SignalingTestClient.connect(signalingBase() + path)) {
        ServerMessage.Ended ended = expectEnded(client, StatusCode.MEETING_NOT_FOUND);
        assertThat(ended.message()).hasSizeLessThan(300);
      }
    }
  }

  @Test
  void unknownMeetingIsNotFound() throws InterruptedException {
    try (SignalingTestClient client =
        SignalingTestClient.connect(signalingBase() + UUID.randomUUID())) {
      client.send(joinMessage("j", "some-token", null));
      expectEnded(client, StatusCode.MEETING_NOT_FOUND);
    }
  }

  @Test
  void unknownMeetingIsNotFoundEvenWithALiveTokenOfAnotherMeeting() throws InterruptedException {
    TestAttendee real = createAttendee(api, meeting, "lost");
    try (SignalingTestClient client =
        SignalingTestClient.connect(signalingBase() + UUID.randomUUID())) {
      client.send(joinMessage("j", real.joinToken(), null));
      expectEnded(client, StatusCode.MEETING_NOT_FOUND);
    }
  }

  @Test
  void wrongProtocolVersionIsUnsupported() throws InterruptedException {
    TestAttendee attendee = createAttendee(api, meeting, "future");
    for (int version : new int[] {0, 2, -1, Integer.MAX_VALUE}) {
      try (SignalingTestClient client = SignalingTestClient.connect(meeting.signalingUrl())) {
        client.send(new ClientMessage.Join("j", version, attendee.joinToken(), null, null));
        ServerMessage.Ended ended = expectEnded(client, StatusCode.UNSUPPORTED_PROTOCOL_VERSION);
        assertThat(ended.message()).contains("1");
      }
    }
  }

  @Test
  void joiningTwiceOnOneConnectionIsAlreadyJoined() throws InterruptedException {
    TestAttendee attendee = createAttendee(api, meeting, "twice");
    TestAttendee other = createAttendee(api, meeting, "twice-other");
    try (Session session = SignalingFixtures.join(meeting, attendee)) {
      SignalingTestClient client = session.client();
      client.send(joinMessage("again", attendee.joinToken(), null));
      assertThat(client.status("again").code()).isEqualTo(StatusCode.ALREADY_JOINED);
      client.send(joinMessage("as-other", other.joinToken(), null));
      assertThat(client.status("as-other").code()).isEqualTo(StatusCode.ALREADY_JOINED);
      assertStillServes(client);
      assertThat(client.history()).noneMatch(m -> m instanceof ServerMessage.Joined);
    }
  }

  @Test
  void garbageSdpIsRejectedWithAMessageAndTheSessionContinues() throws InterruptedException {
    TestAttendee attendee = createAttendee(api, meeting, "garbage-sdp");
    try (Session session = SignalingFixtures.join(meeting, attendee)) {
      SignalingTestClient client = session.client();
      List<String> garbage =
          List.of(
              "hello",
              "v=0\r\n",
              "v=0\r\nm=video notaport RTP/AVP x\r\na=rtpmap:abc\r\na=fingerprint:sha-256 zz\r\n",
              "\u0000\u0001\u0002 binary-ish \uFFFF",
              "a=".repeat(5_000));
      for (int i = 0; i < garbage.size(); i++) {
        String id = "sdp-" + i;
        client.send(new ClientMessage.Offer(id, garbage.get(i), Map.of()));
        ServerMessage.Status status = client.status(id);
        assertThat(status.code()).as("sdp %s", i).isEqualTo(StatusCode.SDP_REJECTED);
        assertPresentable(status.message());
      }
      client.send(new ClientMessage.Offer("blank", "  ", Map.of()));
      assertThat(client.status("blank").code()).isEqualTo(StatusCode.BAD_REQUEST);
      client.send(new ClientMessage.Offer("bindings", "hello", Map.of("0", "no-such-source")));
      assertThat(client.status("bindings").code()).isEqualTo(StatusCode.SDP_REJECTED);
      assertStillServes(client);
    }
  }

  @Test
  void offerWithoutIceCredentialsOrFingerprintSetsUpNoMedia() throws InterruptedException {
    TestAttendee attendee = createAttendee(api, meeting, "no-ice-sdp");
    try (Session session = SignalingFixtures.join(meeting, attendee)) {
      SignalingTestClient client = session.client();
      client.send(
          new ClientMessage.Offer(
              "bare",
              "v=0\r\no=- 0 0 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"
                  + "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=mid:0\r\na=rtpmap:111 opus/48000/2\r\n",
              Map.of()));
      // Either refused outright, or answered with every m-line rejected (RFC 3264 section 6).
      ServerMessage reply =
          client.await(
              ServerMessage.class,
              m ->
                  (m instanceof ServerMessage.Status s && "bare".equals(s.requestId()))
                      || (m instanceof ServerMessage.Answer a && "bare".equals(a.requestId())),
              WAIT);
      if (reply instanceof ServerMessage.Status status) {
        assertThat(status.code()).isEqualTo(StatusCode.SDP_REJECTED);
        assertPresentable(status.message());
      } else {
        String answer = ((ServerMessage.Answer) reply).sdp();
        assertThat(answer.lines().filter(l -> l.startsWith("m=")))
            .isNotEmpty()
            .allMatch(l -> l.split(" ")[1].equals("0"), "m-line rejected with port 0");
      }
      assertStillServes(client);
    }
  }

  @Test
  void tenThousandBadJoinsAreEachRefusedAndAGoodJoinStillSucceedsPromptly() throws Exception {
    TestAttendee stranger = createAttendee(api, otherMeeting, "bad-join-stranger");
    String unknownMeetingUrl = signalingBase() + UUID.randomUUID();
    int total = 10_000;
    int threads = 4;
    Map<StatusCode, AtomicInteger> codes = new ConcurrentHashMap<>();
    AtomicInteger next = new AtomicInteger();
    long started = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        workers.add(
            pool.submit(
                () -> {
                  try (RawWebSocket reused = RawWebSocket.open(meeting.signalingUrl())) {
                    for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                      StatusCode code = badJoin(i, stranger, unknownMeetingUrl, reused);
                      codes.computeIfAbsent(code, c -> new AtomicInteger()).incrementAndGet();
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
    } finally {
      pool.shutdownNow();
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
    System.out.printf("%d bad joins refused in %d ms: %s%n", total, elapsed.toMillis(), codes);
    assertThat(elapsed).isLessThan(Duration.ofSeconds(60));
    assertThat(codes.values().stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(total);
    assertThat(codes.keySet())
        .containsOnly(
            StatusCode.AUTHENTICATION_REJECTED,
            StatusCode.MEETING_NOT_FOUND,
            StatusCode.UNSUPPORTED_PROTOCOL_VERSION,
            StatusCode.BAD_REQUEST);

    TestAttendee good = createAttendee(api, meeting, "good-after-storm");
    long joinStarted = System.nanoTime();
    try (Session session = SignalingFixtures.join(meeting, good)) {
      Duration joinTime = Duration.ofNanos(System.nanoTime() - joinStarted);
      System.out.printf("good join after the storm: %d ms%n", joinTime.toMillis());
      assertThat(joinTime).isLessThan(Duration.ofSeconds(1));
      assertThat(session.joined().resumed()).isFalse();
    }
  }

  /**
   * One bad join; kinds rotate: unknown token, token of another meeting, unknown meeting, wrong
   * protocol version (each on a fresh connection, since the server ends those sessions), and a
   * malformed join, which leaves the connection open and so is sent on the worker's {@code reused}
   * connection.
   */
  private static StatusCode badJoin(
      int i, TestAttendee stranger, String unknownMeetingUrl, RawWebSocket reused) {
    int kind = i % 5;
    String url = kind == 2 ? unknownMeetingUrl : meeting.signalingUrl();
    String join =
        switch (kind) {
          case 0 -> CODEC.encode(joinMessage("b" + i, "bad-token-" + i, null));
          case 1 -> CODEC.encode(joinMessage("b" + i, stranger.joinToken(), null));
          case 2 -> CODEC.encode(joinMessage("b" + i, "no-meeting-token-" + i, null));
          case 3 -> CODEC.encode(new ClientMessage.Join("b" + i, 99, "t", null, null));
          default -> "{\"type\":\"join\",\"requestId\":\"b" + i + "\",\"protocolVersion\":\"v1\"}";
        };
    if (kind == 4) {
      reused.sendText(join);
      ServerMessage.Status status = decodeText(reused.read(WAIT), ServerMessage.Status.class);
      assertThat(status.requestId()).isEqualTo("b" + i);
      return status.code();
    }
    try (RawWebSocket ws = RawWebSocket.open(url)) {
      ws.sendText(join);
      RawWebSocket.Frame frame = ws.read(WAIT);
      assertThat(frame.opcode()).as("reply to bad join %d", i).isEqualTo(RawWebSocket.TEXT);
      ServerMessage reply = CODEC.decode(frame.text(), ServerMessage.class);
      if (reply instanceof ServerMessage.Ended ended) {
        assertThat(ws.read(WAIT).opcode())
            .as("after ended")
            .isIn(RawWebSocket.CLOSE, Integer.valueOf(-1));
        return ended.code();
      }
      throw new AssertionError("bad join " + i + " answered with " + reply);
    }
  }

  private static <T extends ServerMessage> T decodeText(RawWebSocket.Frame frame, Class<T> type) {
    assertThat(frame.opcode()).as("frame opcode").isEqualTo(RawWebSocket.TEXT);
    ServerMessage message = CODEC.decode(frame.text(), ServerMessage.class);
    assertThat(message).isInstanceOf(type);
    return type.cast(message);
  }
}
