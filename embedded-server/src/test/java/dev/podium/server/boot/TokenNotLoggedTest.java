package dev.podium.server.boot;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import com.fasterxml.jackson.databind.JsonNode;
import dev.podium.server.api.ApiClient;
import dev.podium.server.meeting.MeetingId;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** JoinTokens and the API key never reach the log, even at DEBUG. */
class TokenNotLoggedTest {
  @TempDir Path dataDir;

  @Test
  void joinTokensAndTheApiKeyAreNeverLogged() {
    String apiKey = "secret-api-key-" + System.nanoTime();
    List<String> lines = new CopyOnWriteArrayList<>();
    AppenderBase<ILoggingEvent> capture =
        new AppenderBase<>() {
          @Override
          protected void append(ILoggingEvent event) {
            String line = event.getLoggerName() + " " + event.getFormattedMessage();
            if (event.getThrowableProxy() != null) {
              line += " " + ThrowableProxyUtil.asString(event.getThrowableProxy());
            }
            lines.add(line);
          }
        };
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Level before = root.getLevel();
    capture.start();
    root.addAppender(capture);
    root.setLevel(Level.DEBUG);
    String token;
    try (PodiumServer server =
        PodiumServer.start(ServerConfig.ephemeral(apiKey).withDataDirectory(dataDir))) {
      ApiClient api = new ApiClient("http://127.0.0.1:" + server.httpPort(), apiKey);
      String meetingId = api.post("/meetings", "{}").json().at("/Meeting/MeetingId").asText();
      JsonNode attendee =
          api.post("/meetings/" + meetingId + "/attendees", "{\"ExternalUserId\":\"frank\"}")
              .json()
              .get("Attendee");
      token = attendee.get("JoinToken").asText();
      MeetingId id = MeetingId.parse(meetingId);
      server.meetings().authenticate(id, token);
      server.meetings().authenticate(MeetingId.random(), token);
      var joined =
          server
              .meetings()
              .getAttendee(
                  id,
                  dev.podium.server.meeting.AttendeeId.parse(attendee.get("AttendeeId").asText()));
      server.meetings().tryConnect(joined);
      api.send("GET", "/meetings/" + meetingId, null, token); // token misused as an API key
      api.delete("/meetings/" + meetingId + "/attendees/" + joined.attendeeId());
      server.meetings().authenticate(id, token);
    } finally {
      root.detachAppender(capture);
      root.setLevel(before);
    }
    assertThat(lines)
        .as("the capture works")
        .anyMatch(l -> l.contains("Attendee") && l.contains("created"))
        .anyMatch(l -> l.contains("-> 403"));
    assertThat(lines).noneMatch(l -> l.contains(token));
    assertThat(lines).noneMatch(l -> l.contains(apiKey));
  }
}
