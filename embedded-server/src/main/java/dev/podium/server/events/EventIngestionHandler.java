package dev.podium.server.events;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.podium.server.api.ApiException;
import dev.podium.server.api.ApiResponse;
import dev.podium.server.api.ClientEventIngestion;
import dev.podium.server.api.RateLimiter;
import dev.podium.server.meeting.Attendee;
import dev.podium.server.meeting.AuthenticationResult;
import dev.podium.server.meeting.Meeting;
import dev.podium.server.meeting.MeetingId;
import dev.podium.server.meeting.MeetingService;
import dev.podium.server.metrics.MetricsRegistry;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.net.InetAddress;
import java.util.List;
import java.util.Objects;

/**
 * The EventIngestionUrl: authenticates the attendee by its JoinToken for this meeting (401 without
 * one, 403 for a token that is not a live attendee of the meeting, 404 for an unknown meeting),
 * throttles per attendee (429), checks the batch (400 naming the problem, see {@link
 * ClientEventParser}), then counts and logs every event and answers {@code 202 {"Accepted": n}}.
 * Runs on the control API's executors, never on a media or signaling thread.
 */
public final class EventIngestionHandler implements ClientEventIngestion {
  /** Batches one attendee may post at once, and per second after that. */
  static final int BURST = 10;

  static final double PER_SECOND = 1;

  private final MeetingService meetings;
  private final ClientEventMetrics metrics;
  private final RateLimiter<String> rate;

  public EventIngestionHandler(MeetingService meetings, MetricsRegistry registry) {
    this(meetings, new ClientEventMetrics(registry), BURST, PER_SECOND);
  }

  EventIngestionHandler(
      MeetingService meetings, ClientEventMetrics metrics, int burst, double perSecond) {
    this.meetings = Objects.requireNonNull(meetings, "meetings");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.rate = new RateLimiter<>(burst, perSecond, System::nanoTime);
  }

  @Override
  public ApiResponse ingest(
      String meetingIdText, String authorization, InetAddress client, byte[] body) {
    try {
      ApiResponse response = accept(meetingIdText, authorization, body);
      metrics.batch("accepted");
      return response;
    } catch (ApiException e) {
      metrics.batch(e.code());
      throw e;
    }
  }

  private ApiResponse accept(String meetingIdText, String authorization, byte[] body) {
    MeetingId meetingId;
    try {
      meetingId = MeetingId.parse(meetingIdText);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("the MeetingId in the path is not a UUID");
    }
    String token = bearer(authorization);
    AuthenticationResult result = meetings.authenticate(meetingId, token);
    if (result instanceof AuthenticationResult.Refused refused) {
      throw switch (refused.reason()) {
        case MEETING_NOT_FOUND ->
            new ApiException(
                HttpResponseStatus.NOT_FOUND,
                "NotFound",
                "Meeting " + meetingId + " does not exist");
        case WRONG_MEETING -> forbidden("the JoinToken belongs to an attendee of another meeting");
        case ATTENDEE_DELETED -> forbidden("the JoinToken's attendee was deleted");
        case UNKNOWN_TOKEN -> forbidden("the JoinToken is not valid for this meeting");
      };
    }
    AuthenticationResult.Authenticated who = (AuthenticationResult.Authenticated) result;
    Attendee attendee = who.attendee();
    Meeting meeting = who.meeting();
    if (!rate.tryAcquire(attendee.attendeeId().toString())) {
      throw new ApiException(
          HttpResponseStatus.TOO_MANY_REQUESTS,
          "Throttling",
          "too many event batches from this attendee: at most "
              + BURST
              + " at once and "
              + (long) PER_SECOND
              + " per second");
    }
    List<ClientEvent> events = ClientEventParser.parse(body);
    for (int i = 0; i < events.size(); i++) {
      ClientEvent event = events.get(i);
      String claimedMeeting = event.text("meetingId");
      if (claimedMeeting != null && !claimedMeeting.equals(meetingId.toString())) {
        throw ApiException.badRequest(
            "events[" + i + "].attributes.meetingId is not the meeting of this EventIngestionUrl");
      }
      String claimedAttendee = event.text("attendeeId");
      if (claimedAttendee != null && !claimedAttendee.equals(attendee.attendeeId().toString())) {
        throw ApiException.badRequest(
            "events[" + i + "].attributes.attendeeId is not the attendee of the JoinToken");
      }
    }
    for (ClientEvent event : events) {
      metrics.record(event);
      ClientEventLog.write(event, meeting, attendee);
    }
    ObjectNode answer = JsonNodeFactory.instance.objectNode().put("Accepted", events.size());
    return new ApiResponse(HttpResponseStatus.ACCEPTED, answer);
  }

  private static String bearer(String authorization) {
    if (authorization == null) {
      throw new ApiException(
          HttpResponseStatus.UNAUTHORIZED,
          "Unauthorized",
          "the Authorization header is required: Authorization: Bearer <JoinToken>");
    }
    if (authorization.length() < 7 || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw new ApiException(
          HttpResponseStatus.UNAUTHORIZED,
          "Unauthorized",
          "the Authorization header must use the Bearer scheme: Authorization: Bearer <JoinToken>");
    }
    return authorization.substring(7).trim();
  }

  private static ApiException forbidden(String message) {
    return new ApiException(HttpResponseStatus.FORBIDDEN, "Forbidden", message);
  }
}
