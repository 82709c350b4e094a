package dev.podium.app.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Creates meetings and attendees through the control API of an in-process server (tests). */
final class TestMeetings {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http;
  private final String base;
  private final String key;

  TestMeetings(String base, String key) {
    this(base, key, null);
  }

  /** For an https server with a self-signed certificate of SHA-256 {@code pin}. */
  TestMeetings(String base, String key, String pin) {
    this.base = base;
    this.key = key;
    HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
    if (pin != null) {
      builder.sslContext(
          CertificatePinning.sslContext(MeetingSessionConfiguration.normalizeFingerprint(pin)));
    }
    this.http = builder.build();
  }

  /** A meeting (JSON of its "Meeting" object) created with {@code body}. */
  JsonNode createMeeting(String body) {
    return call("POST", "/meetings", body).get("Meeting");
  }

  /** Configurations for new attendees of {@code meeting}, one per external user id. */
  List<MeetingSessionConfiguration> attendees(JsonNode meeting, String... externalUserIds) {
    List<MeetingSessionConfiguration> configs = new ArrayList<>();
    for (String user : externalUserIds) {
      JsonNode attendee =
          call(
              "POST",
              "/meetings/" + meeting.get("MeetingId").asText() + "/attendees",
              "{\"ExternalUserId\":\"" + user + "\"}");
      configs.add(
          MeetingSessionConfiguration.fromControlApi(
              meeting.toString(), attendee.toString(), null));
    }
    return configs;
  }

  /** A new attendee of {@code meeting} (JSON of its "Attendee" object); role may be null. */
  JsonNode createAttendee(JsonNode meeting, String externalUserId, String role) {
    String body =
        role == null
            ? "{\"ExternalUserId\":\"" + externalUserId + "\"}"
            : "{\"ExternalUserId\":\"" + externalUserId + "\",\"Role\":\"" + role + "\"}";
    return call("POST", "/meetings/" + meeting.get("MeetingId").asText() + "/attendees", body)
        .get("Attendee");
  }

  /** The session configuration of {@code attendee} in {@code meeting}. */
  static MeetingSessionConfiguration config(JsonNode meeting, JsonNode attendee) {
    return MeetingSessionConfiguration.fromControlApi(
        meeting.toString(), attendee.toString(), null);
  }

  /** Promotion credentials of {@code attendee} (of a primary meeting). */
  static PromotionCredentials credentials(JsonNode attendee) {
    return new PromotionCredentials(
        attendee.get("AttendeeId").asText(),
        attendee.get("ExternalUserId").asText(),
        attendee.get("JoinToken").asText());
  }

  void deleteAttendee(JsonNode meeting, String attendeeId) {
    call(
        "DELETE",
        "/meetings/" + meeting.get("MeetingId").asText() + "/attendees/" + attendeeId,
        null);
  }

  private JsonNode call(String method, String path, String body) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(base + path))
              .timeout(Duration.ofSeconds(10))
              .header("Authorization", "Bearer " + key)
              .header("Content-Type", "application/json")
              .method(
                  method,
                  body == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofString(body))
              .build();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new IllegalStateException(
            method + " " + path + " -> " + response.statusCode() + " " + response.body());
      }
      return response.body().isEmpty() ? null : JSON.readTree(response.body());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
