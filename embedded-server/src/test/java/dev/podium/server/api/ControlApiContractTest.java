package dev.podium.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.podium.server.api.ApiClient.Reply;
import dev.podium.server.boot.PodiumServer;
import dev.podium.server.boot.ServerConfig;
import dev.podium.server.meeting.AttendeeId;
import dev.podium.server.meeting.AuthenticationFailure;
import dev.podium.server.meeting.AuthenticationResult;
import dev.podium.server.meeting.ConnectResult;
import dev.podium.server.meeting.MeetingId;
import dev.podium.server.meeting.MeetingLimits;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every control API call against a real server on an ephemeral port, Chime field names. */
class ControlApiContractTest {
  static final String KEY = "contract-test-key";
  @TempDir static Path dataDir;
  static PodiumServer server;
  static ApiClient api;

  @BeforeAll
  static void start() {
    server =
        PodiumServer.start(
            ServerConfig.ephemeral(KEY)
                .withDataDirectory(dataDir)
                .withLimits(MeetingLimits.DEFAULTS.withMaxConnectedAttendees(2)));
    api = new ApiClient("http://127.0.0.1:" + server.httpPort(), KEY);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static JsonNode createMeeting(String body) {
    Reply reply = api.post("/meetings", body);
    assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
    return reply.json().get("Meeting");
  }

  static JsonNode createAttendee(String meetingId, String body) {
    Reply reply = api.post("/meetings/" + meetingId + "/attendees", body);
    assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
    return reply.json().get("Attendee");
  }

  static void assertError(Reply reply, int status, String code, String... messageParts) {
    assertThat(reply.status()).as(reply.raw()).isEqualTo(status);
    assertThat(reply.header("Content-Type")).isEqualTo("application/json");
    assertThat(reply.json().get("Code").asText()).isEqualTo(code);
    assertThat(reply.json().get("Message").asText()).isNotBlank();
    if (messageParts.length > 0) {
      assertThat(reply.json().get("Message").asText()).contains(messageParts);
    }
    assertThat(reply.json().size()).isEqualTo(2);
  }

  @Test
  void createMeetingReturnsTheChimeMeetingEnvelope() {
    JsonNode m = createMeeting("{\"ExternalMeetingId\":\"standup\",\"MediaRegion\":\"eu-west-1\"}");
    String id = m.get("MeetingId").asText();
    assertThat(UUID.fromString(id).toString()).isEqualTo(id);
    assertThat(m.get("ExternalMeetingId").asText()).isEqualTo("standup");
    assertThat(m.get("MediaRegion").asText()).isEqualTo("eu-west-1");
    assertThat(m.has("PrimaryMeetingId")).isFalse();
    assertThat(m.at("/MediaPlacement/SignalingUrl").asText())
        .isEqualTo("ws://127.0.0.1:" + server.httpPort() + "/v1/signaling/" + id);
    assertThat(m.at("/MediaPlacement/EventIngestionUrl").asText())
        .isEqualTo("http://127.0.0.1:" + server.httpPort() + "/v1/meetings/" + id + "/events");
    assertThat(m.at("/MeetingFeatures/Audio/EchoReduction").asText()).isEqualTo("UNAVAILABLE");
    assertThat(m.at("/MeetingFeatures/Audio/BitrateKbps").asInt()).isEqualTo(32);
    assertThat(m.at("/MeetingFeatures/Audio/Stereo").asBoolean()).isFalse();
    assertThat(m.at("/MeetingFeatures/Video/MaxResolution").asText()).isEqualTo("HD");
    assertThat(m.at("/MeetingFeatures/Content/MaxResolution").asText()).isEqualTo("FHD");
    assertThat(m.at("/MeetingFeatures/Attendee/MaxCount").asInt()).isEqualTo(2);
  }

  @Test
  void createMeetingKeepsTheRequestedFeatures() {
    JsonNode m =
        createMeeting(
            "{\"MeetingFeatures\":{\"Audio\":{\"EchoReduction\":\"AVAILABLE\",\"BitrateKbps\":128,"
                + "\"Stereo\":true},\"Video\":{\"MaxResolution\":\"None\"},"
                + "\"Content\":{\"MaxResolution\":\"UHD\"},\"Attendee\":{\"MaxCount\":1}}}");
    assertThat(m.at("/MeetingFeatures/Audio/EchoReduction").asText()).isEqualTo("AVAILABLE");
    assertThat(m.at("/MeetingFeatures/Audio/BitrateKbps").asInt()).isEqualTo(128);
    assertThat(m.at("/MeetingFeatures/Audio/Stereo").asBoolean()).isTrue();
    assertThat(m.at("/MeetingFeatures/Video/MaxResolution").asText()).isEqualTo("None");
    assertThat(m.at("/MeetingFeatures/Content/MaxResolution").asText()).isEqualTo("UHD");
    assertThat(m.at("/MeetingFeatures/Attendee/MaxCount").asInt()).isEqualTo(1);
    assertThat(api.get("/meetings/" + m.get("MeetingId").asText()).json().get("Meeting"))
        .isEqualTo(m);
  }

  @Test
  void refusesFeaturesOutOfRangeNamingTheFieldAndLimit() {
    assertError(
        api.post("/meetings", "{\"MeetingFeatures\":{\"Audio\":{\"BitrateKbps\":96}}}"),
        400,
        "BadRequest",
        "MeetingFeatures.Audio.BitrateKbps must be between 6 and 64 (got 96)");
    assertError(
        api.post("/meetings", "{\"MeetingFeatures\":{\"Attendee\":{\"MaxCount\":3}}}"),
        400,
        "BadRequest",
        "MeetingFeatures.Attendee.MaxCount must be between 1 and 2");
    assertError(
        api.post("/meetings", "{\"MeetingFeatures\":{\"Video\":{\"MaxResolution\":\"UHD\"}}}"),
        400,
        "BadRequest",
        "MeetingFeatures.Video.MaxResolution must be one of None, HD, FHD");
    assertError(
        api.post("/meetings", "{\"ExternalMeetingId\":\"x\"}"),
        400,
        "BadRequest",
        "ExternalMeetingId must be 2 to 64 characters long (got 1)");
  }

  @Test
  void clientRequestTokenReturnsTheSameMeeting() {
    String body = "{\"ClientRequestToken\":\"" + UUID.randomUUID() + "\"}";
    JsonNode first = createMeeting(body);
    JsonNode second = createMeeting(body);
    assertThat(second.get("MeetingId")).isEqualTo(first.get("MeetingId"));
  }

  @Test
  void getAndDeleteMeeting() {
    String id = createMeeting("{}").get("MeetingId").asText();
    assertThat(api.get("/meetings/" + id).json().at("/Meeting/MeetingId").asText()).isEqualTo(id);
    Reply deleted = api.delete("/meetings/" + id);
    assertThat(deleted.status()).isEqualTo(204);
    assertThat(deleted.raw()).isEmpty();
    assertError(api.get("/meetings/" + id), 404, "NotFound", "Meeting " + id + " does not exist");
    assertError(api.delete("/meetings/" + id), 404, "NotFound", id);
    assertError(api.get("/meetings/not-a-uuid"), 400, "BadRequest", "MeetingId in the path");
  }

  @Test
  void createMeetingWithAttendeesReturnsMeetingAttendeesAndErrors() {
    Reply reply =
        api.post(
            "/meetings?operation=create-attendees",
            "{\"ExternalMeetingId\":\"webinar\",\"Attendees\":[{\"ExternalUserId\":\"host-1\","
                + "\"Role\":\"host\"},{\"ExternalUserId\":\"p\"}]}");
    assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
    JsonNode body = reply.json();
    assertThat(body.at("/Meeting/ExternalMeetingId").asText()).isEqualTo("webinar");
    assertThat(body.get("Attendees")).hasSize(1);
    assertThat(body.at("/Attendees/0/Role").asText()).isEqualTo("host");
    assertThat(body.at("/Attendees/0/JoinToken").asText()).hasSize(43);
    assertThat(body.at("/Errors/0/ExternalUserId").asText()).isEqualTo("p");
    assertThat(body.at("/Errors/0/ErrorCode").asText()).isEqualTo("BadRequest");
    assertThat(body.at("/Errors/0/ErrorMessage").asText()).contains("ExternalUserId", "2 to 64");

    String meetingId = body.at("/Meeting/MeetingId").asText();
    AuthenticationResult result =
        server
            .meetings()
            .authenticate(MeetingId.parse(meetingId), body.at("/Attendees/0/JoinToken").asText());
    assertThat(result).isInstanceOf(AuthenticationResult.Authenticated.class);
  }

  @Test
  void createAttendeeReturnsTheChimeAttendeeEnvelopeWithPodiumRole() {
    String meetingId = createMeeting("{}").get("MeetingId").asText();
    JsonNode a = createAttendee(meetingId, "{\"ExternalUserId\":\"alice@example.com\"}");
    assertThat(UUID.fromString(a.get("AttendeeId").asText())).isNotNull();
    assertThat(a.get("ExternalUserId").asText()).isEqualTo("alice@example.com");
    assertThat(a.get("JoinToken").asText()).matches("[A-Za-z0-9_-]{43}");
    assertThat(a.at("/Capabilities/Audio").asText()).isEqualTo("SendReceive");
    assertThat(a.at("/Capabilities/Video").asText()).isEqualTo("SendReceive");
    assertThat(a.at("/Capabilities/Content").asText()).isEqualTo("SendReceive");
    assertThat(a.get("Role").asText()).isEqualTo("presenter");

    JsonNode viewer =
        createAttendee(
            meetingId,
            "{\"ExternalUserId\":\"bob\",\"Role\":\"viewer\",\"Capabilities\":{\"Audio\":\"Receive\","
                + "\"Video\":\"Receive\",\"Content\":\"None\"}}");
    assertThat(viewer.get("Role").asText()).isEqualTo("viewer");
    assertThat(viewer.at("/Capabilities/Audio").asText()).isEqualTo("Receive");
    assertThat(viewer.at("/Capabilities/Content").asText()).isEqualTo("None");
  }

  @Test
  void createAttendeeRefusesBadExternalUserIdsAndDuplicates() {
    String meetingId = createMeeting("{}").get("MeetingId").asText();
    String path = "/meetings/" + meetingId + "/attendees";
    assertError(
        api.post(path, "{\"ExternalUserId\":\"a\"}"),
        400,
        "BadRequest",
        "ExternalUserId must be 2 to 64 characters long (got 1)");
    assertError(
        api.post(path, "{\"ExternalUserId\":\"" + "x".repeat(65) + "\"}"),
        400,
        "BadRequest",
        "(got 65)");
    assertError(api.post(path, "{}"), 400, "BadRequest", "ExternalUserId is required");
    assertError(
        api.post(path, "{\"ExternalUserId\":\"ok\",\"Role\":\"admin\"}"),
        400,
        "BadRequest",
        "Role must be one of host, presenter, viewer");
    assertError(
        api.post(
            path,
            "{\"ExternalUserId\":\"ok\",\"Capabilities\":{\"Audio\":\"SendReceive\","
                + "\"Video\":\"None\",\"Content\":\"Receive\"}}"),
        400,
        "BadRequest",
        "Capabilities.Content Receive needs Capabilities.Video");
    assertError(
        api.post(path, "{\"ExternalUserId\":\"ok\",\"Capabilities\":{\"Audio\":\"SendReceive\"}}"),
        400,
        "BadRequest",
        "Capabilities.Video is required");
    createAttendee(meetingId, "{\"ExternalUserId\":\"dup\"}");
    assertError(
        api.post(path, "{\"ExternalUserId\":\"dup\"}"),
        409,
        "Conflict",
        "ExternalUserId 'dup' already has an attendee");
    assertError(
        api.post("/meetings/" + UUID.randomUUID() + "/attendees", "{\"ExternalUserId\":\"ok\"}"),
        404,
        "NotFound",
        "does not exist");
  }

  @Test
  void batchCreateAttendeeReturnsAttendeesAndPerItemErrors() {
    String meetingId = createMeeting("{}").get("MeetingId").asText();
    Reply reply =
        api.post(
            "/meetings/" + meetingId + "/attendees?operation=batch-create",
            "{\"Attendees\":[{\"ExternalUserId\":\"u-1\"},{\"ExternalUserId\":\"u-2\"},"
                + "{\"ExternalUserId\":\"u-1\"},{\"ExternalUserId\":\"u-3\",\"Role\":\"host\"}]}");
    assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
    JsonNode body = reply.json();
    assertThat(body.get("Attendees")).hasSize(3);
    body.get("Attendees").forEach(a -> assertThat(a.get("JoinToken").asText()).hasSize(43));
    assertThat(body.get("Errors")).hasSize(1);
    JsonNode error = body.get("Errors").get(0);
    assertThat(error.get("ExternalUserId").asText()).isEqualTo("u-1");
    assertThat(error.get("ErrorCode").asText()).isEqualTo("Conflict");
    assertThat(error.get("ErrorMessage").asText()).contains("twice in this request");

    String tooMany =
        IntStream.range(0, 101)
            .mapToObj(i -> "{\"ExternalUserId\":\"user-" + i + "\"}")
            .collect(Collectors.joining(",", "{\"Attendees\":[", "]}"));
    assertError(
        api.post("/meetings/" + meetingId + "/attendees?operation=batch-create", tooMany),
        400,
        "BadRequest",
        "Attendees must hold 1 to 100 items (got 101)");
    assertError(
        api.post("/meetings/" + meetingId + "/attendees?operation=batch-create", "{}"),
        400,
        "BadRequest",
        "Attendees is required");
  }

  @Test
  void listAttendeesPagesWithMaxResultsAndNextToken() {
    String meetingId = createMeeting("{}").get("MeetingId").asText();
    for (int i = 0; i < 5; i++) {
      createAttendee(meetingId, "{\"ExternalUserId\":\"user-" + i + "\"}");
    }
    List<String> seen = new ArrayList<>();
    String next = null;
    int pages = 0;
    do {
      Reply reply =
          api.get(
              "/meetings/"
                  + meetingId
                  + "/attendees?max-results=2"
                  + (next == null ? "" : "&next-token=" + next));
      assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
      reply
          .json()
          .get("Attendees")
          .forEach(
              a -> {
                assertThat(a.has("JoinToken")).isFalse();
                seen.add(a.get("ExternalUserId").asText());
              });
      next = reply.json().has("NextToken") ? reply.json().get("NextToken").asText() : null;
      pages++;
    } while (next != null);
    assertThat(seen).containsExactly("user-0", "user-1", "user-2", "user-3", "user-4");
    assertThat(pages).isEqualTo(3);
    String path = "/meetings/" + meetingId + "/attendees";
    assertError(api.get(path + "?max-results=0"), 400, "BadRequest", "max-results", "1 to 100");
    assertError(api.get(path + "?max-results=abc"), 400, "BadRequest", "max-results");
    assertError(api.get(path + "?next-token=bogus"), 400, "BadRequest", "next-token");
    assertThat(api.get(path).json().get("Attendees")).hasSize(5);
  }

  @Test
  void getAndDeleteAttendeeRevokesItsToken() {
    String meetingId = createMeeting("{}").get("MeetingId").asText();
    JsonNode a = createAttendee(meetingId, "{\"ExternalUserId\":\"carol\"}");
    String attendeeId = a.get("AttendeeId").asText();
    String path = "/meetings/" + meetingId + "/attendees/" + attendeeId;
    JsonNode got = api.get(path).json().get("Attendee");
    assertThat(got.get("AttendeeId").asText()).isEqualTo(attendeeId);
    assertThat(got.get("ExternalUserId").asText()).isEqualTo("carol");
    assertThat(got.has("JoinToken")).isFalse();

    assertThat(api.delete(path).status()).isEqualTo(204);
    assertError(api.get(path), 404, "NotFound", "Attendee " + attendeeId + " does not exist");
    assertThat(
            server.meetings().authenticate(MeetingId.parse(meetingId), a.get("JoinToken").asText()))
        .isEqualTo(new AuthenticationResult.Refused(AuthenticationFailure.ATTENDEE_DELETED));
    assertError(
        api.get("/meetings/" + meetingId + "/attendees/nope"), 400, "BadRequest", "AttendeeId");
  }

  @Test
  void updateAttendeeCapabilities() {
    String meetingId = createMeeting("{}").get("MeetingId").asText();
    String attendeeId =
        createAttendee(meetingId, "{\"ExternalUserId\":\"dave\"}").get("AttendeeId").asText();
    String path = "/meetings/" + meetingId + "/attendees/" + attendeeId + "/capabilities";
    Reply reply =
        api.put(
            path,
            "{\"Capabilities\":{\"Audio\":\"Send\",\"Video\":\"Receive\",\"Content\":\"Receive\"}}");
    assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
    JsonNode caps = reply.json().at("/Attendee/Capabilities");
    assertThat(caps.get("Audio").asText()).isEqualTo("Send");
    assertThat(caps.get("Video").asText()).isEqualTo("Receive");
    assertThat(
            api.get("/meetings/" + meetingId + "/attendees/" + attendeeId)
                .json()
                .at("/Attendee/Capabilities/Audio")
                .asText())
        .isEqualTo("Send");
    assertError(api.put(path, "{}"), 400, "BadRequest", "Capabilities is required");
    assertError(
        api.put(
            path,
            "{\"Capabilities\":{\"Audio\":\"Loud\",\"Video\":\"None\",\"Content\":\"None\"}}"),
        400,
        "BadRequest",
        "Capabilities.Audio must be one of SendReceive, Send, Receive, None (got 'Loud')");
    assertError(api.post(path, "{}"), 405, "MethodNotAllowed", "PUT");
  }

  @Test
  void replicaRulesAtTheApi() {
    String primary = createMeeting("{}").get("MeetingId").asText();
    List<String> replicas = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      JsonNode replica = createMeeting("{\"PrimaryMeetingId\":\"" + primary + "\"}");
      assertThat(replica.get("PrimaryMeetingId").asText()).isEqualTo(primary);
      replicas.add(replica.get("MeetingId").asText());
    }
    assertError(
        api.post("/meetings", "{\"PrimaryMeetingId\":\"" + primary + "\"}"),
        429,
        "LimitExceeded",
        "already has 4 replicas");
    assertError(
        api.post("/meetings", "{\"PrimaryMeetingId\":\"" + replicas.get(0) + "\"}"),
        400,
        "BadRequest",
        "replicas cannot be replicated");
    assertError(
        api.post("/meetings", "{\"PrimaryMeetingId\":\"" + UUID.randomUUID() + "\"}"),
        404,
        "NotFound",
        "PrimaryMeetingId");
    assertError(
        api.post("/meetings", "{\"PrimaryMeetingId\":\"abc\"}"),
        400,
        "BadRequest",
        "PrimaryMeetingId must be a UUID");
    String replicaAttendee =
        createAttendee(replicas.get(1), "{\"ExternalUserId\":\"viewer\"}").get("Role").asText();
    assertThat(replicaAttendee).isEqualTo("viewer");
    assertError(
        api.post(
            "/meetings/" + replicas.get(1) + "/attendees",
            "{\"ExternalUserId\":\"h2\",\"Role\":\"host\"}"),
        400,
        "BadRequest",
        "replica attendees are viewers");

    assertThat(api.delete("/meetings/" + primary).status()).isEqualTo(204);
    for (String replica : replicas) {
      assertThat(api.get("/meetings/" + replica).status()).isEqualTo(404);
    }
  }

  @Test
  void capacityIsEnforcedThroughTryConnect() {
    String meetingId = createMeeting("{}").get("MeetingId").asText();
    List<AttendeeId> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(
          AttendeeId.parse(
              createAttendee(meetingId, "{\"ExternalUserId\":\"seat-" + i + "\"}")
                  .get("AttendeeId")
                  .asText()));
    }
    var meetings = server.meetings();
    MeetingId mid = MeetingId.parse(meetingId);
    assertThat(meetings.tryConnect(meetings.getAttendee(mid, ids.get(0))))
        .isEqualTo(ConnectResult.CONNECTED);
    assertThat(meetings.tryConnect(meetings.getAttendee(mid, ids.get(1))))
        .isEqualTo(ConnectResult.CONNECTED);
    assertThat(meetings.tryConnect(meetings.getAttendee(mid, ids.get(2))))
        .isEqualTo(ConnectResult.MEETING_AT_CAPACITY);
  }

  @Test
  void unknownPathsMethodsAndOperationsGetJsonErrors() {
    assertError(api.get("/nope"), 404, "NotFound", "no such resource: GET /nope");
    assertError(api.get("/"), 404, "NotFound");
    assertError(
        api.get("/v1/signaling/" + UUID.randomUUID()), 400, "BadRequest", "WebSocket upgrade");
    Reply wrongMethod = api.send("PATCH", "/meetings", "{}", KEY);
    assertError(wrongMethod, 405, "MethodNotAllowed", "PATCH is not allowed on /meetings");
    assertThat(wrongMethod.header("Allow")).isEqualTo("POST");
    assertThat(api.get("/meetings").header("Allow")).isEqualTo("POST");
    assertError(
        api.post("/meetings?operation=explode", "{}"),
        400,
        "BadRequest",
        "operation 'explode' is not supported");
  }

  @Test
  void healthzNeedsNoKeyAndMetricsAreOpenOnLoopback() {
    Reply health = api.send("GET", "/healthz", null, null);
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().get("status").asText()).isEqualTo("ok");

    createMeeting("{}");
    Reply metrics = api.send("GET", "/metrics", null, null);
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.header("Content-Type")).startsWith("text/plain; version=0.0.4");
    assertThat(metrics.raw())
        .contains("# TYPE podium_meetings gauge")
        .contains("# TYPE podium_attendees gauge")
        .contains("# TYPE podium_connected_attendees gauge")
        .contains("podium_http_requests_total{status=\"200\"}");
    assertThat(metrics.raw()).containsPattern("(?m)^podium_meetings [1-9][0-9]*$");
  }
}
