package dev.podium.server.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.server.api.ApiClient;
import dev.podium.server.meeting.AttendeeId;
import dev.podium.server.meeting.MeetingId;
import dev.podium.server.meeting.MeetingLimits;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The idle sweep runs in a started server: a short timeout deletes an empty primary. */
class IdleTimeoutServerTest {
  static final String KEY = "idle-key";

  @Test
  void anEmptyPrimaryGoesWithItsReplicasWhileAnOccupiedOneStays() throws Exception {
    ServerConfig config =
        ServerConfig.ephemeral(KEY)
            .withLimits(MeetingLimits.DEFAULTS.withPrimaryIdleTimeout(Duration.ofMillis(300)));
    try (PodiumServer server = PodiumServer.start(config)) {
      ApiClient api = new ApiClient("http://127.0.0.1:" + server.httpPort(), KEY);
      String empty = api.post("/meetings", "{}").json().at("/Meeting/MeetingId").asText();
      String replica =
          api.post("/meetings", "{\"PrimaryMeetingId\":\"" + empty + "\"}")
              .json()
              .at("/Meeting/MeetingId")
              .asText();
      String busy = api.post("/meetings", "{}").json().at("/Meeting/MeetingId").asText();
      String attendeeId =
          api.post("/meetings/" + busy + "/attendees", "{\"ExternalUserId\":\"gina\"}")
              .json()
              .at("/Attendee/AttendeeId")
              .asText();
      var meetings = server.meetings();
      meetings.tryConnect(
          meetings.getAttendee(MeetingId.parse(busy), AttendeeId.parse(attendeeId)));

      long deadline = System.nanoTime() + 3_000_000_000L;
      while (api.get("/meetings/" + empty).status() != 404 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(api.get("/meetings/" + empty).status()).isEqualTo(404);
      assertThat(api.get("/meetings/" + replica).status()).isEqualTo(404);
      assertThat(api.get("/meetings/" + busy).status()).isEqualTo(200);
    }
  }
}
