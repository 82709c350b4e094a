package dev.podium.server.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.podium.server.api.ApiClient;
import dev.podium.testkit.ReceivedAudio;
import dev.podium.testkit.Tones;
import java.time.Duration;

/** Control-API and listening helpers shared by the replication tests. */
final class ReplicationTestSupport {
  private final ApiClient api;

  ReplicationTestSupport(ApiClient api) {
    this.api = api;
  }

  JsonNode createMeeting(String body) {
    ApiClient.Reply reply = api.post("/meetings", body);
    assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
    return reply.json().get("Meeting");
  }

  JsonNode createReplica(String primaryId) {
    return createMeeting("{\"PrimaryMeetingId\":\"" + primaryId + "\"}");
  }

  JsonNode createAttendee(String meetingId, String externalUserId, String role) {
    String body =
        role == null
            ? "{\"ExternalUserId\":\"" + externalUserId + "\"}"
            : "{\"ExternalUserId\":\"" + externalUserId + "\",\"Role\":\"" + role + "\"}";
    ApiClient.Reply reply = api.post("/meetings/" + meetingId + "/attendees", body);
    assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
    return reply.json().get("Attendee");
  }

  static String signalingUrl(JsonNode meeting) {
    return meeting.get("MediaPlacement").get("SignalingUrl").asText();
  }

  /** Waits until {@code audio} carries {@code hz} (or, with {@code present=false}, does not). */
  static void awaitTone(ReceivedAudio audio, double hz, boolean present, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    boolean heard = false;
    while (System.nanoTime() < deadline) {
      short[] pcm = audio.recentPcm(Duration.ofMillis(400));
      heard = pcm.length > 0 && Tones.hears(pcm, Math.max(audio.sampleRate(), 1), hz);
      if (heard == present) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(
        "expected " + (present ? "" : "no ") + hz + " Hz on " + audio.mid() + " within " + timeout);
  }
}
