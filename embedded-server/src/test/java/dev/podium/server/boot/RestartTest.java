package dev.podium.server.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.podium.server.api.ApiClient;
import dev.podium.server.meeting.AuthenticationResult.Authenticated;
import dev.podium.server.meeting.MeetingId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Meetings and attendees survive a restart on the same data directory. */
class RestartTest {
  static final String KEY = "restart-key";
  @TempDir Path dataDir;

  @Test
  void meetingsAndAttendeesSurviveARestartAndTheSameTokenStillJoins() throws Exception {
    String meetingId;
    String replicaId;
    String token;
    String attendeeId;
    ServerConfig config = ServerConfig.ephemeral(KEY).withDataDirectory(dataDir);
    try (PodiumServer server = PodiumServer.start(config)) {
      ApiClient api = new ApiClient("http://127.0.0.1:" + server.httpPort(), KEY);
      JsonNode meeting =
          api.post(
                  "/meetings",
                  "{\"ExternalMeetingId\":\"persist\",\"ClientRequestToken\":\"crt-1\"}")
              .json()
              .get("Meeting");
      meetingId = meeting.get("MeetingId").asText();
      replicaId =
          api.post("/meetings", "{\"PrimaryMeetingId\":\"" + meetingId + "\"}")
              .json()
              .at("/Meeting/MeetingId")
              .asText();
      JsonNode attendee =
          api.post("/meetings/" + meetingId + "/attendees", "{\"ExternalUserId\":\"erin\"}")
              .json()
              .get("Attendee");
      token = attendee.get("JoinToken").asText();
      attendeeId = attendee.get("AttendeeId").asText();
    }

    assertThat(filesContain(dataDir, token)).as("the token is stored only as a hash").isFalse();
    assertThat(filesContain(dataDir, "erin")).as("the store holds the attendee").isTrue();

    try (PodiumServer server = PodiumServer.start(config)) {
      var result = server.meetings().authenticate(MeetingId.parse(meetingId), token);
      assertThat(result).isInstanceOf(Authenticated.class);
      assertThat(((Authenticated) result).attendee().attendeeId().toString()).isEqualTo(attendeeId);
      ApiClient api = new ApiClient("http://127.0.0.1:" + server.httpPort(), KEY);
      JsonNode replica = api.get("/meetings/" + replicaId).json().get("Meeting");
      assertThat(replica.get("PrimaryMeetingId").asText()).isEqualTo(meetingId);
      assertThat(
              api.post("/meetings", "{\"ClientRequestToken\":\"crt-1\"}")
                  .json()
                  .at("/Meeting/MeetingId")
                  .asText())
          .as("idempotency survives too")
          .isEqualTo(meetingId);
      assertThat(
              api.post("/meetings/" + meetingId + "/attendees", "{\"ExternalUserId\":\"erin\"}")
                  .status())
          .isEqualTo(409);
      assertThat(api.delete("/meetings/" + meetingId).status()).isEqualTo(204);
    }

    try (PodiumServer server = PodiumServer.start(config)) {
      assertThat(server.meetings().meetingCount()).isZero();
      assertThat(server.meetings().authenticate(MeetingId.parse(meetingId), token))
          .as("a deleted meeting's tokens stay revoked after restart")
          .hasToString(
              "Refused[reason="
                  + dev.podium.server.meeting.AuthenticationFailure.ATTENDEE_DELETED
                  + "]");
    }
  }

  @Test
  void aSecondServerOnTheSameDataDirectoryIsRefused() {
    ServerConfig config = ServerConfig.ephemeral(KEY).withDataDirectory(dataDir);
    try (PodiumServer server = PodiumServer.start(config)) {
      assertThatThrownBy(() -> PodiumServer.start(config))
          .hasMessageContaining("store is unavailable");
      assertThat(server.meetings().meetingCount()).isZero();
    }
  }

  private static boolean filesContain(Path dir, String text) throws Exception {
    byte[] needle = text.getBytes(StandardCharsets.UTF_8);
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        byte[] bytes = Files.readAllBytes(file);
        if (indexOf(bytes, needle) >= 0) {
          return true;
        }
      }
    }
    return false;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
