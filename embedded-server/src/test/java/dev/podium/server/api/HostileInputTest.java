package dev.podium.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.server.api.ApiClient.Reply;
import dev.podium.server.boot.PodiumServer;
import dev.podium.server.boot.ServerConfig;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Malformed, mistyped, oversized and unauthenticated calls: precise JSON errors, no traces. */
class HostileInputTest {
  static final String KEY = "hostile-test-key";
  static PodiumServer server;
  static ApiClient api;

  @BeforeAll
  static void start() {
    server = PodiumServer.start(ServerConfig.ephemeral(KEY));
    api = new ApiClient("http://127.0.0.1:" + server.httpPort(), KEY);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static void assertCleanError(Reply reply, int status, String code, String message) {
    assertThat(reply.status()).as(reply.raw()).isEqualTo(status);
    assertThat(reply.json()).as("JSON body of %s", reply.raw()).isNotNull();
    assertThat(reply.json().get("Code").asText()).isEqualTo(code);
    assertThat(reply.json().get("Message").asText()).contains(message);
    assertNoTrace(reply.raw());
  }

  static void assertNoTrace(String raw) {
    assertThat(raw).doesNotContain("Exception", "\tat ", "java.", "io.netty", "com.fasterxml");
  }

  @Test
  void malformedJsonIsRefusedWithItsPosition() {
    assertCleanError(
        api.post("/meetings", "{\"ExternalMeetingId\": "), 400, "BadRequest", "not valid JSON");
    assertCleanError(api.post("/meetings", "{]"), 400, "BadRequest", "line 1, column 2");
    assertCleanError(api.post("/meetings", "{} {}"), 400, "BadRequest", "not valid JSON");
    assertCleanError(api.post("/meetings", "[1,2]"), 400, "BadRequest", "must be a JSON object");
    assertCleanError(api.post("/meetings", "\"text\""), 400, "BadRequest", "JSON object");
    assertCleanError(
        api.post("/meetings", "{\"ExternalMeetingId\":\"ab\",\"ExternalMeetingId\":\"cd\"}"),
        400,
        "BadRequest",
        "not valid JSON");
    assertCleanError(
        api.post("/meetings", "[".repeat(20_000)), 400, "BadRequest", "not valid JSON");
  }

  @Test
  void wrongTypesNameTheField() {
    assertCleanError(
        api.post("/meetings", "{\"ExternalMeetingId\":42}"),
        400,
        "BadRequest",
        "ExternalMeetingId must be a string");
    assertCleanError(
        api.post("/meetings", "{\"MeetingFeatures\":\"all\"}"),
        400,
        "BadRequest",
        "MeetingFeatures must be a JSON object");
    assertCleanError(
        api.post("/meetings", "{\"MeetingFeatures\":{\"Audio\":{\"BitrateKbps\":\"64\"}}}"),
        400,
        "BadRequest",
        "MeetingFeatures.Audio.BitrateKbps must be an integer");
    assertCleanError(
        api.post("/meetings", "{\"MeetingFeatures\":{\"Audio\":{\"BitrateKbps\":32.5}}}"),
        400,
        "BadRequest",
        "must be an integer");
    assertCleanError(
        api.post("/meetings", "{\"MeetingFeatures\":{\"Audio\":{\"Stereo\":\"yes\"}}}"),
        400,
        "BadRequest",
        "MeetingFeatures.Audio.Stereo must be true or false");
    assertCleanError(
        api.post("/meetings", "{\"MeetingFeatures\":{\"Attendee\":{\"MaxCount\":99999999999999}}}"),
        400,
        "BadRequest",
        "MeetingFeatures.Attendee.MaxCount must be an integer");
    String meetingId = api.post("/meetings", "{}").json().at("/Meeting/MeetingId").asText();
    assertCleanError(
        api.post("/meetings/" + meetingId + "/attendees", "{\"ExternalUserId\":[\"x\"]}"),
        400,
        "BadRequest",
        "ExternalUserId must be a string");
    assertCleanError(
        api.post(
            "/meetings/" + meetingId + "/attendees?operation=batch-create",
            "{\"Attendees\":[{\"ExternalUserId\":\"ok\"},7]}"),
        400,
        "BadRequest",
        "Attendees[1] must be a JSON object");
    assertCleanError(
        api.post(
            "/meetings/" + meetingId + "/attendees?operation=batch-create",
            "{\"Attendees\":{\"ExternalUserId\":\"ok\"}}"),
        400,
        "BadRequest",
        "Attendees must be a JSON array");
    assertCleanError(
        api.post("/meetings/" + meetingId + "/attendees", "{\"ExternalUserId\":\"tab\\there\"}"),
        400,
        "BadRequest",
        "control characters");
  }

  @Test
  void unknownFieldsAreIgnoredAsChimeSdkRequestsCarryMore() {
    Reply reply =
        api.post(
            "/meetings",
            "{\"ExternalMeetingId\":\"ok\",\"Tags\":[{\"Key\":\"k\",\"Value\":\"v\"}],"
                + "\"TenantIds\":[\"t\"],\"MeetingHostId\":\"h\",\"Whatever\":{\"deep\":[1]}}");
    assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
    assertThat(reply.json().at("/Meeting/ExternalMeetingId").asText()).isEqualTo("ok");
    assertThat(reply.json().at("/Meeting/Tags").isMissingNode()).isTrue();
  }

  @Test
  void hugeBodiesGetAJson413() throws Exception {
    String huge = "{\"ExternalMeetingId\":\"" + "x".repeat(100_000) + "\"}";
    assertCleanError(
        api.post("/meetings", huge), 413, "RequestEntityTooLarge", "limit of 65536 bytes");

    // Chunked (no Content-Length): refused once the aggregate passes the limit.
    byte[] bytes = huge.getBytes(StandardCharsets.UTF_8);
    HttpRequest chunked =
        HttpRequest.newBuilder(URI.create(api.base() + "/meetings"))
            .header("Authorization", "Bearer " + KEY)
            .POST(
                HttpRequest.BodyPublishers.ofInputStream(
                    () -> (InputStream) new ByteArrayInputStream(bytes)))
            .build();
    Reply reply;
    try {
      reply = api.sendRaw(chunked);
      assertCleanError(reply, 413, "RequestEntityTooLarge", "65536");
    } catch (java.io.UncheckedIOException e) {
      // The server may close before the client finishes sending; it must still be serving.
    }
    assertThat(api.get("/healthz").status()).isEqualTo(200);
  }

  @Test
  void tooLongRequestLineIsRefusedWithJson() {
    assertCleanError(
        api.get("/meetings/" + "a".repeat(10_000)), 400, "BadRequest", "malformed or too long");
  }

  @Test
  void garbageOnTheSocketDoesNotHurtTheServer() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", server.httpPort())) {
      OutputStream out = socket.getOutputStream();
      out.write("\u0000\u0001\u0002 NOT HTTP AT ALL\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      socket.setSoTimeout(2000);
      byte[] answer = socket.getInputStream().readNBytes(4096);
      String text = new String(answer, StandardCharsets.ISO_8859_1);
      assertThat(text).startsWith("HTTP/1.1 400");
      assertNoTrace(text);
    }
    assertThat(api.get("/healthz").status()).isEqualTo(200);
  }

  @Test
  void missingOrWrongKeysAreRefused() {
    assertCleanError(
        api.send("GET", "/meetings/" + java.util.UUID.randomUUID(), null, null),
        401,
        "Unauthorized",
        "Authorization header is required");
    HttpRequest basic =
        HttpRequest.newBuilder(URI.create(api.base() + "/meetings"))
            .header("Authorization", "Basic dXNlcjpwYXNz")
            .POST(HttpRequest.BodyPublishers.ofString("{}"))
            .build();
    assertCleanError(api.sendRaw(basic), 401, "Unauthorized", "Bearer scheme");
    assertCleanError(
        api.send("POST", "/meetings", "{}", KEY + "x"),
        403,
        "Forbidden",
        "API key in Authorization is not valid");
    assertCleanError(api.send("POST", "/meetings", "{}", ""), 401, "Unauthorized", "Bearer");
  }

  @Test
  void tenThousandBadCallsThenAGoodCallStillWorksQuickly() throws Exception {
    int calls = 10_000;
    Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int thread = t;
        futures.add(
            pool.submit(
                () -> {
                  for (int i = thread; i < calls; i += 8) {
                    Reply reply =
                        switch (i % 4) {
                          case 0 -> api.send("POST", "/meetings", "{}", "wrong-key-" + i);
                          case 1 -> api.send("POST", "/meetings", "{\"x\":", KEY);
                          case 2 -> api.send("GET", "/meetings/" + i, null, null);
                          default ->
                              api.send("POST", "/meetings", "{\"ExternalMeetingId\":1}", KEY);
                        };
                    statuses
                        .computeIfAbsent(reply.status(), s -> new AtomicInteger())
                        .incrementAndGet();
                    assertThat(reply.json().get("Code").asText()).isNotBlank();
                    assertNoTrace(reply.raw());
                  }
                  return null;
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(statuses.keySet()).isSubsetOf(400, 401, 403, 429);
    assertThat(statuses.values().stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(calls);
    assertThat(statuses).containsKey(429);

    long start = System.nanoTime();
    Reply good;
    do {
      good = api.post("/meetings", "{\"ExternalMeetingId\":\"after-the-storm\"}");
    } while (good.status() == 429 && System.nanoTime() - start < 2_000_000_000L);
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(good.status()).as(good.raw()).isEqualTo(200);
    assertThat(millis).isLessThan(1000);
  }
}
