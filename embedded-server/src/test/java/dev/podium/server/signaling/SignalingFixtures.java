package dev.podium.server.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.podium.server.api.ApiClient;
import dev.podium.server.protocol.ClientMessage;
import dev.podium.server.protocol.ServerMessage;
import dev.podium.server.protocol.SignalMessage;
import java.time.Duration;
import java.util.Map;

/** Meetings and attendees made through the real control API, and join helpers for tests. */
public final class SignalingFixtures {
  /** A created meeting: its id and the WebSocket URL clients join at. */
  public record TestMeeting(String meetingId, String signalingUrl) {}

  /** A created attendee with its JoinToken. */
  public record TestAttendee(String attendeeId, String externalUserId, String joinToken) {}

  private SignalingFixtures() {}

  /** CreateMeeting with {@code body} (e.g. MeetingFeatures). */
  public static TestMeeting createMeeting(ApiClient api, String body) {
    ApiClient.Reply reply = api.post("/meetings", body);
    assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
    JsonNode meeting = reply.json().get("Meeting");
    return new TestMeeting(
        meeting.get("MeetingId").asText(),
        meeting.get("MediaPlacement").get("SignalingUrl").asText());
  }

  public static TestAttendee createAttendee(
      ApiClient api, TestMeeting meeting, String externalUserId) {
    ApiClient.Reply reply =
        api.post(
            "/meetings/" + meeting.meetingId() + "/attendees",
            "{\"ExternalUserId\":\"" + externalUserId + "\"}");
    assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
    JsonNode attendee = reply.json().get("Attendee");
    return new TestAttendee(
        attendee.get("AttendeeId").asText(), externalUserId, attendee.get("JoinToken").asText());
  }

  public static ClientMessage.Join joinMessage(
      String requestId, String joinToken, String resumeToken) {
    return new ClientMessage.Join(
        requestId, SignalMessage.PROTOCOL_VERSION, joinToken, resumeToken, Map.of("sdk", "test"));
  }

  /** A joined raw client and its Joined message. */
  public record Session(SignalingTestClient client, ServerMessage.Joined joined)
      implements AutoCloseable {
    public String attendeeId() {
      return joined.self().attendeeId();
    }

    @Override
    public void close() {
      client.close();
    }
  }

  /** Connects and joins as {@code attendee}; fails the test if not joined within 5 s. */
  public static Session join(TestMeeting meeting, TestAttendee attendee)
      throws InterruptedException {
    SignalingTestClient client = SignalingTestClient.connect(meeting.signalingUrl());
    client.send(joinMessage("join", attendee.joinToken(), null));
    ServerMessage.Joined joined =
        client.await(ServerMessage.Joined.class, j -> true, Duration.ofSeconds(5));
    assertThat(joined.self().attendeeId()).isEqualTo(attendee.attendeeId());
    return new Session(client, joined);
  }

  /** A message a client may be shown: says something, and leaks no stack trace or class names. */
  public static void assertPresentable(String message) {
    assertThat(message).isNotBlank();
    assertThat(message)
        .doesNotContain("Exception")
        .doesNotContain("at dev.")
        .doesNotContain("\tat ")
        .doesNotContain("com.fasterxml")
        .doesNotContain("io.netty");
  }
}
