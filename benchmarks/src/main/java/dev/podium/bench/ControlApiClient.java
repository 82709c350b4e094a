package dev.podium.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The few control API calls the join benchmark makes (CreateMeeting, CreateAttendee,
 * BatchCreateAttendee), over {@code java.net.http} with the API key as a bearer token.
 */
final class ControlApiClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

  /** Largest BatchCreateAttendee request the API accepts. */
  static final int BATCH_LIMIT = 100;

  private final HttpClient http;
  private final String base;
  private final String apiKey;

  /** A meeting the benchmark created: its id and the WebSocket URL clients join at. */
  record MeetingRef(String meetingId, String signalingUrl) {}

  /** One CreateAttendee reply: HTTP status and, when created (2xx), the join token. */
  record AttendeeReply(int status, String joinToken) {}

  ControlApiClient(String base, String apiKey) {
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    this.base = base;
    this.apiKey = apiKey;
  }

  MeetingRef createMeeting(String externalMeetingId) {
    ObjectNode body = JSON.createObjectNode().put("ExternalMeetingId", externalMeetingId);
    JsonNode meeting = post("/meetings", body.toString()).get("Meeting");
    return new MeetingRef(
        meeting.get("MeetingId").asText(),
        meeting.get("MediaPlacement").get("SignalingUrl").asText());
  }

  /** One CreateAttendee call; never throws for an HTTP error status (the caller counts those). */
  AttendeeReply createAttendee(String meetingId, String externalUserId) {
    String body = JSON.createObjectNode().put("ExternalUserId", externalUserId).toString();
    HttpResponse<String> response = send("/meetings/" + meetingId + "/attendees", body);
    if (!isSuccess(response.statusCode())) {
      return new AttendeeReply(response.statusCode(), null);
    }
    return new AttendeeReply(
        response.statusCode(), parse(response).get("Attendee").get("JoinToken").asText());
  }

  /** Creates {@code count} attendees in batches of 100; returns their join tokens in order. */
  List<String> batchCreateAttendees(String meetingId, String prefix, int count) {
    List<String> tokens = new ArrayList<>();
    for (int from = 0; from < count; from += BATCH_LIMIT) {
      ObjectNode body = JSON.createObjectNode();
      ArrayNode attendees = body.putArray("Attendees");
      for (int i = from; i < Math.min(count, from + BATCH_LIMIT); i++) {
        attendees.addObject().put("ExternalUserId", String.format("%s-%04d", prefix, i));
      }
      JsonNode reply =
          post("/meetings/" + meetingId + "/attendees?operation=batch-create", body.toString());
      if (reply.path("Errors").size() > 0) {
        throw new IllegalStateException("BatchCreateAttendee errors: " + reply.get("Errors"));
      }
      for (JsonNode attendee : reply.get("Attendees")) {
        tokens.add(attendee.get("JoinToken").asText());
      }
    }
    return tokens;
  }

  /** Whether an HTTP status is 2xx (the API answers 200 for creations, as Chime does). */
  static boolean isSuccess(int status) {
    return status >= 200 && status < 300;
  }

  private JsonNode post(String path, String body) {
    HttpResponse<String> response = send(path, body);
    if (isSuccess(response.statusCode())) {
      return parse(response);
    }
    throw new IllegalStateException(
        "POST " + path + " answered " + response.statusCode() + ": " + response.body());
  }

  private HttpResponse<String> send(String path, String body) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(CALL_TIMEOUT)
            .header("Authorization", "Bearer " + apiKey)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException("POST " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during POST " + path, e);
    }
  }

  private static JsonNode parse(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("reply is not JSON: " + response.body(), e);
    }
  }
}
