package dev.podium.server.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.server.meeting.Attendee;
import dev.podium.server.meeting.AttendeeId;
import dev.podium.server.meeting.AttendeeRole;
import dev.podium.server.meeting.Capabilities;
import dev.podium.server.meeting.Meeting;
import dev.podium.server.meeting.MeetingFeatures;
import dev.podium.server.meeting.MeetingId;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientEventLogTest {
  @Test
  void writesOneLineWithoutSecretsOrForgedLines() {
    MeetingId id = MeetingId.random();
    Meeting meeting =
        new Meeting(id, null, "local", null, MeetingFeatures.defaults(250), Instant.now());
    Attendee attendee =
        new Attendee(AttendeeId.random(), id, "alice", Capabilities.ALL, AttendeeRole.PRESENTER);
    ClientEvent event =
        new ClientEvent(
            ClientEventName.MEETING_START_FAILED,
            1_700_000_000_000L,
            Map.of(
                "meetingStatus", "SIGNALING_UNREACHABLE",
                "joinToken", "Hq3-secret-token",
                "meetingErrorMessage", "boom\nclient-event name=forged",
                "meetingStartDurationMs", 1234L));

    String line = ClientEventLog.line(event, meeting, attendee);

    assertThat(line)
        .startsWith("client-event name=meetingStartFailed meetingId=" + id)
        .contains("attendeeId=" + attendee.attendeeId())
        .contains("replica=false")
        .contains("meetingStatus=\"SIGNALING_UNREACHABLE\"")
        .contains("meetingStartDurationMs=1234")
        .doesNotContain("secret-token")
        .doesNotContain("\n");
  }
}
