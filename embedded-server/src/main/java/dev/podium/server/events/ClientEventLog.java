package dev.podium.server.events;

import dev.podium.server.meeting.Attendee;
import dev.podium.server.meeting.Meeting;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one structured line per accepted client event ({@code key=value}, strings quoted), with
 * the meeting and attendee the server authenticated, never the token: attributes whose name
 * mentions a token, secret or password are left out, and values are cut and stripped of control
 * characters so that a client cannot forge log lines.
 */
final class ClientEventLog {
  private static final Logger log = LoggerFactory.getLogger(ClientEventLog.class);

  /** Longest attribute value written. */
  static final int MAX_VALUE_CHARS = 160;

  private ClientEventLog() {}

  static void write(ClientEvent event, Meeting meeting, Attendee attendee) {
    if (!log.isInfoEnabled()) {
      return;
    }
    log.info(line(event, meeting, attendee));
  }

  static String line(ClientEvent event, Meeting meeting, Attendee attendee) {
    StringBuilder out = new StringBuilder(256);
    out.append("client-event name=")
        .append(event.name().wireName())
        .append(" meetingId=")
        .append(meeting.meetingId())
        .append(" attendeeId=")
        .append(attendee.attendeeId())
        .append(" replica=")
        .append(meeting.isReplica())
        .append(" at=")
        .append(Instant.ofEpochMilli(event.timestampMs()));
    for (Map.Entry<String, Object> e : new TreeMap<>(event.attributes()).entrySet()) {
      String key = e.getKey();
      if (key.equals("meetingId") || key.equals("attendeeId") || secret(key)) {
        continue;
      }
      out.append(' ').append(key).append('=');
      if (e.getValue() instanceof String s) {
        out.append('"').append(ClientEventParser.printable(s, MAX_VALUE_CHARS)).append('"');
      } else {
        out.append(e.getValue());
      }
    }
    return out.toString();
  }

  private static boolean secret(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    return k.contains("token") || k.contains("secret") || k.contains("password");
  }
}
