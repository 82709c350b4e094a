package dev.podium.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podium.app.client.AudioMode;
import dev.podium.app.client.MeetingSessionConfiguration;
import dev.podium.app.client.MeetingSessionStatus;
import dev.podium.app.client.SessionOptions;
import dev.podium.app.meeting.SdkMeetingGateway;
import dev.podium.server.boot.PodiumServer;
import dev.podium.server.boot.ServerConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An in-process Podium server with a primary meeting and one replica, and real SDK sessions
 * (webrtc-java, headless audio) joined to them through {@link SdkMeetingGateway}s. Tests run it
 * inside tools/loopback-only. Closing it closes every session, then the server.
 */
public final class RealWebinar implements AutoCloseable {
  private static final String KEY = "ui-webinar-test-key-0123456789";
  private static final ObjectMapper JSON = new ObjectMapper();
  private final PodiumServer server = PodiumServer.start(ServerConfig.ephemeral(KEY));
  private final List<SdkMeetingGateway> gateways = new ArrayList<>();
  private final JsonNode primary;
  private final JsonNode replica;

  public RealWebinar() throws Exception {
    primary = post("/meetings", "{\"ExternalMeetingId\":\"ui-webinar\"}").get("Meeting");
    replica =
        post("/meetings", "{\"PrimaryMeetingId\":\"" + primary.get("MeetingId").asText() + "\"}")
            .get("Meeting");
  }

  /** A host of the primary meeting, joined. */
  public SdkMeetingGateway host(String name) throws Exception {
    return join(primary, name, "host");
  }

  /** A viewer of the replica, joined. */
  public SdkMeetingGateway viewer(String name) throws Exception {
    return join(replica, name, null);
  }

  private SdkMeetingGateway join(JsonNode meeting, String name, String role) throws Exception {
    String body =
        role == null
            ? "{\"ExternalUserId\":\"" + name + "\"}"
            : "{\"ExternalUserId\":\"" + name + "\",\"Role\":\"" + role + "\"}";
    JsonNode attendee = post("/meetings/" + meeting.get("MeetingId").asText() + "/attendees", body);
    SdkMeetingGateway gateway =
        SdkMeetingGateway.create(
            MeetingSessionConfiguration.fromControlApi(
                meeting.toString(), attendee.toString(), null),
            SessionOptions.defaults().withAudioMode(AudioMode.HEADLESS),
            null);
    gateways.add(gateway);
    MeetingSessionStatus started = gateway.start().get(30, TimeUnit.SECONDS);
    if (!started.isOk()) {
      throw new IllegalStateException(name + " could not join: " + started);
    }
    return gateway;
  }

  private JsonNode post(String path, String body) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + path))
                    .header("Authorization", "Bearer " + KEY)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() / 100 != 2) {
      throw new IllegalStateException(path + " -> " + r.statusCode() + " " + r.body());
    }
    JsonNode json = JSON.readTree(r.body());
    return json.has("Attendee") ? json.get("Attendee") : json;
  }

  @Override
  public void close() {
    for (SdkMeetingGateway g : gateways) {
      g.close();
    }
    server.close();
  }
}
