package dev.podium.loadkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The two control-API calls the load tests need: create a meeting, batch-create attendees. */
final class ControlApi {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int BATCH = 100;

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String base;
  private final String apiKey;

  ControlApi(int httpPort, String apiKey) {
    this.base = "http://127.0.0.1:" + httpPort;
    this.apiKey = apiKey;
  }

  /** A meeting: its id and signaling URL. */
  record Meeting(String meetingId, String signalingUrl) {}

  Meeting createMeeting(String externalId) {
    JsonNode meeting =
        post("/meetings", "{\"ExternalMeetingId\":\"" + externalId + "\"}").get("Meeting");
    return new Meeting(
        meeting.get("MeetingId").asText(),
        meeting.get("MediaPlacement").get("SignalingUrl").asText());
  }

  /** A replica of {@code primary}. */
  Meeting createReplica(Meeting primary, String externalId) {
    JsonNode meeting =
        post(
                "/meetings",
                "{\"ExternalMeetingId\":\""
                    + externalId
                    + "\",\"PrimaryMeetingId\":\""
                    + primary.meetingId()
                    + "\"}")
            .get("Meeting");
    return new Meeting(
        meeting.get("MeetingId").asText(),
        meeting.get("MediaPlacement").get("SignalingUrl").asText());
  }

  /** Join tokens of {@code count} new attendees named {@code prefix-0..}. */
  List<String> createAttendees(Meeting meeting, String prefix, int count) {
    List<String> tokens = new ArrayList<>(count);
    for (int from = 0; from < count; from += BATCH) {
      StringBuilder body = new StringBuilder("{\"Attendees\":[");
      for (int i = from; i < Math.min(count, from + BATCH); i++) {
        body.append(i == from ? "" : ",")
            .append("{\"ExternalUserId\":\"")
            .append(prefix)
            .append('-')
            .append(i)
            .append("\"}");
      }
      body.append("]}");
      JsonNode attendees =
          post(
                  "/meetings/" + meeting.meetingId() + "/attendees?operation=batch-create",
                  body.toString())
              .get("Attendees");
      for (JsonNode attendee : attendees) {
        tokens.add(attendee.get("JoinToken").asText());
      }
    }
    if (tokens.size() != count) {
      throw new IllegalStateException("created " + tokens.size() + " of " + count + " attendees");
    }
    return tokens;
  }

  private JsonNode post(String path, String body) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(10))
            .header("Authorization", "Bearer " + apiKey)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new IllegalStateException(
            "POST " + path + " → " + response.statusCode() + " " + response.body());
      }
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
