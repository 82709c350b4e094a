package dev.podium.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.podium.server.meeting.Attendee;
import dev.podium.server.meeting.AttendeeId;
import dev.podium.server.meeting.AttendeePage;
import dev.podium.server.meeting.AudienceDesk;
import dev.podium.server.meeting.CreatedAttendee;
import dev.podium.server.meeting.Meeting;
import dev.podium.server.meeting.MeetingId;
import dev.podium.server.meeting.MeetingService;
import dev.podium.server.meeting.MeetingServiceException;
import dev.podium.server.meeting.MeetingWithAttendees;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The routes of the control API (Chime SDK Meetings paths) and their operations. Knows nothing of
 * sockets: it takes a method, a URI and a body and returns a response or throws {@link
 * ApiException}.
 */
public final class ControlApi {
  /** ListAttendees page size when max-results is absent. */
  static final int DEFAULT_MAX_RESULTS = 100;

  /** Largest ListAttendees page. */
  static final int MAX_RESULTS = 100;

  /** Longest path echoed back in a 404 message. */
  private static final int MAX_ECHOED_PATH = 120;

  /** The mapper requests are read with: strict JSON, no duplicate keys, no trailing tokens. */
  static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .build();

  private final MeetingService meetings;
  private final AudienceDesk audience;
  private volatile ServerUrls urls;
  private volatile TranscriptionControl transcription;

  public ControlApi(MeetingService meetings) {
    this.meetings = Objects.requireNonNull(meetings, "meetings");
    this.audience = new AudienceDesk(meetings);
  }

  /**
   * The public audience endpoint: {@code POST /v1/audience/{MeetingId}} with {@code
   * {"ExternalUserId", "Passcode"}} seats one viewer in a replica and answers with the replica
   * meeting and the viewer's attendee (with its JoinToken). No API key: the caller rate-limits.
   */
  public ApiResponse handleAudience(HttpMethod method, String uri, byte[] body) {
    ServerUrls current = urls;
    if (current == null) {
      throw new ApiException(
          HttpResponseStatus.SERVICE_UNAVAILABLE, "ServiceUnavailable", "the server is starting");
    }
    String path = new QueryStringDecoder(uri).path();
    allow(method, path, "POST");
    MeetingId primaryId =
        ApiRequests.meetingId(
            path.substring(ServerUrls.AUDIENCE_PATH.length()), "MeetingId in the path");
    JsonFields fields = JsonFields.root(body.length == 0 ? ApiJson.object() : parse(body));
    try {
      AudienceDesk.Seat seat =
          audience.admit(
              primaryId,
              fields.text("Passcode", 1, 128).orElse(null),
              fields.text("ExternalUserId", 2, 64).orElse(null));
      ObjectNode root = ApiJson.envelope("Meeting", ApiJson.meeting(seat.replica(), current));
      root.set(
          "Attendee", ApiJson.attendee(seat.attendee().attendee(), seat.attendee().joinToken()));
      return ApiResponse.ok(root);
    } catch (MeetingServiceException e) {
      throw ErrorCodes.toApi(e);
    }
  }

  /** Connects the transcription routes to the layer that owns meeting audio. */
  public void setTranscriptionControl(TranscriptionControl control) {
    this.transcription = control;
  }

  /** Sets the URLs put in MediaPlacement; until then every call answers 503. */
  public void setUrls(ServerUrls urls) {
    this.urls = Objects.requireNonNull(urls, "urls");
  }

  /**
   * Serves one call.
   *
   * @throws ApiException for any refusal (bad input, unknown path, missing meeting, limits)
   */
  public ApiResponse handle(HttpMethod method, String uri, byte[] body) {
    ServerUrls current = urls;
    if (current == null) {
      throw new ApiException(
          HttpResponseStatus.SERVICE_UNAVAILABLE, "ServiceUnavailable", "the server is starting");
    }
    QueryStringDecoder query = new QueryStringDecoder(uri);
    String path = query.path();
    List<String> segments = segments(path);
    try {
      return route(method, path, segments, query.parameters(), body, current);
    } catch (MeetingServiceException e) {
      throw ErrorCodes.toApi(e);
    }
  }

  private ApiResponse route(
      HttpMethod method,
      String path,
      List<String> s,
      Map<String, List<String>> params,
      byte[] body,
      ServerUrls urls) {
    if (s.isEmpty() || !s.get(0).equals("meetings") || s.size() > 5) {
      throw notFound(method, path);
    }
    String operation = single(params, "operation");
    if (s.size() == 1) {
      allow(method, path, "POST");
      if (operation == null) {
        return createMeeting(body, urls);
      }
      if (operation.equals("create-attendees")) {
        return createMeetingWithAttendees(body, urls);
      }
      throw unsupportedOperation(operation, "POST /meetings", "create-attendees");
    }
    MeetingId meetingId = ApiRequests.meetingId(s.get(1), "MeetingId in the path");
    if (s.size() == 2) {
      allow(method, path, "GET, DELETE");
      if (method.equals(HttpMethod.GET)) {
        return ApiResponse.ok(
            ApiJson.envelope("Meeting", ApiJson.meeting(meetings.getMeeting(meetingId), urls)));
      }
      meetings.deleteMeeting(meetingId);
      return ApiResponse.noContent();
    }
    if (s.size() == 3 && s.get(2).equals("transcription")) {
      return transcription(method, path, meetingId, operation, body);
    }
    if (s.size() == 3 && s.get(2).equals("audience")) {
      return audienceLink(method, path, meetingId, body, urls);
    }
    if (!s.get(2).equals("attendees")) {
      throw notFound(method, path);
    }
    if (s.size() == 3) {
      allow(method, path, "GET, POST");
      if (method.equals(HttpMethod.GET)) {
        return listAttendees(meetingId, params);
      }
      if (operation == null) {
        JsonFields fields = JsonFields.root(parse(body));
        CreatedAttendee created =
            meetings.createAttendee(meetingId, ApiRequests.attendeeSpec(fields));
        return ApiResponse.ok(
            ApiJson.envelope(
                "Attendee", ApiJson.attendee(created.attendee(), created.joinToken())));
      }
      if (operation.equals("batch-create")) {
        JsonFields fields = JsonFields.root(parse(body));
        return ApiResponse.ok(
            ApiJson.batch(
                ApiJson.object(),
                meetings.batchCreateAttendees(meetingId, ApiRequests.attendeeSpecs(fields))));
      }
      throw unsupportedOperation(operation, "POST /meetings/{MeetingId}/attendees", "batch-create");
    }
    AttendeeId attendeeId = attendeeId(s.get(3));
    if (s.size() == 4) {
      allow(method, path, "GET, DELETE");
      if (method.equals(HttpMethod.GET)) {
        Attendee attendee = meetings.getAttendee(meetingId, attendeeId);
        return ApiResponse.ok(ApiJson.envelope("Attendee", ApiJson.attendee(attendee, null)));
      }
      meetings.deleteAttendee(meetingId, attendeeId);
      return ApiResponse.noContent();
    }
    if (!s.get(4).equals("capabilities")) {
      throw notFound(method, path);
    }
    allow(method, path, "PUT");
    JsonFields fields = JsonFields.root(parse(body));
    Attendee updated =
        meetings.updateCapabilities(
            meetingId, attendeeId, ApiRequests.capabilities(fields.requiredObject("Capabilities")));
    return ApiResponse.ok(ApiJson.envelope("Attendee", ApiJson.attendee(updated, null)));
  }

  /**
   * {@code POST /meetings/{id}/transcription?operation=start} with Chime's {@code
   * TranscriptionConfiguration.EngineTranscribeSettings.LanguageCode} (default en-US), or {@code
   * ?operation=stop}.
   */
  private ApiResponse transcription(
      HttpMethod method, String path, MeetingId meetingId, String operation, byte[] body) {
    allow(method, path, "POST");
    meetings.getMeeting(meetingId);
    TranscriptionControl control = transcription;
    if (control == null) {
      throw new ApiException(
          HttpResponseStatus.SERVICE_UNAVAILABLE,
          "ServiceUnavailable",
          "transcription is not available on this server");
    }
    if ("start".equals(operation)) {
      String language = "en-US";
      if (body.length > 0) {
        JsonFields fields = JsonFields.root(parse(body));
        language =
            fields
                .object("TranscriptionConfiguration")
                .flatMap(c -> c.object("EngineTranscribeSettings"))
                .flatMap(e -> e.text("LanguageCode", 2, 16))
                .orElse(language);
      }
      control.start(meetingId, language);
      return ApiResponse.ok(ApiJson.object());
    }
    if ("stop".equals(operation)) {
      control.stop(meetingId);
      return ApiResponse.ok(ApiJson.object());
    }
    throw unsupportedOperation(
        operation, "POST /meetings/{MeetingId}/transcription", "start, stop");
  }

  /** PUT opens the audience link (optional Passcode), GET describes it, DELETE closes it. */
  private ApiResponse audienceLink(
      HttpMethod method, String path, MeetingId meetingId, byte[] body, ServerUrls urls) {
    allow(method, path, "GET, PUT, DELETE");
    if (method.equals(HttpMethod.DELETE)) {
      meetings.getMeeting(meetingId);
      audience.close(meetingId);
      return ApiResponse.noContent();
    }
    if (method.equals(HttpMethod.PUT)) {
      JsonFields fields = JsonFields.root(body.length == 0 ? ApiJson.object() : parse(body));
      audience.open(meetingId, fields.text("Passcode", 4, 128).orElse(null));
    }
    boolean passcode =
        audience
            .passcodeRequired(meetingId)
            .orElseThrow(
                () ->
                    new ApiException(
                        HttpResponseStatus.NOT_FOUND,
                        "NotFound",
                        "meeting " + meetingId + " has no open audience link"));
    ObjectNode link = ApiJson.object();
    link.put("Url", urls.audienceUrl(meetingId));
    link.put("PasscodeRequired", passcode);
    return ApiResponse.ok(ApiJson.envelope("AudienceLink", link));
  }

  private ApiResponse createMeeting(byte[] body, ServerUrls urls) {
    JsonFields fields = JsonFields.root(parse(body));
    Meeting meeting =
        meetings.createMeeting(
            ApiRequests.meetingSpec(fields, meetings.limits().maxConnectedAttendees()));
    return ApiResponse.ok(ApiJson.envelope("Meeting", ApiJson.meeting(meeting, urls)));
  }

  private ApiResponse createMeetingWithAttendees(byte[] body, ServerUrls urls) {
    JsonFields fields = JsonFields.root(parse(body));
    var spec = ApiRequests.meetingSpec(fields, meetings.limits().maxConnectedAttendees());
    var attendees = ApiRequests.attendeeSpecs(fields);
    MeetingWithAttendees result = meetings.createMeetingWithAttendees(spec, attendees);
    ObjectNode root = ApiJson.envelope("Meeting", ApiJson.meeting(result.meeting(), urls));
    return ApiResponse.ok(ApiJson.batch(root, result.attendees()));
  }

  private ApiResponse listAttendees(MeetingId meetingId, Map<String, List<String>> params) {
    String max = single(params, "max-results");
    int maxResults = DEFAULT_MAX_RESULTS;
    if (max != null) {
      try {
        maxResults = Integer.parseInt(max);
      } catch (NumberFormatException e) {
        maxResults = -1;
      }
      if (maxResults < 1 || maxResults > MAX_RESULTS) {
        throw ApiException.badRequest("max-results must be an integer from 1 to " + MAX_RESULTS);
      }
    }
    AttendeePage page = meetings.listAttendees(meetingId, maxResults, single(params, "next-token"));
    ObjectNode root = ApiJson.object();
    ArrayNode list = root.putArray("Attendees");
    page.attendees().forEach(a -> list.add(ApiJson.attendee(a, null)));
    if (page.nextToken() != null) {
      root.put("NextToken", page.nextToken());
    }
    return ApiResponse.ok(root);
  }

  /** Parses a body; an empty body reads as {@code {}}. */
  static JsonNode parse(byte[] body) {
    if (body.length == 0) {
      return ApiJson.object();
    }
    try {
      return MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      var location = e.getLocation();
      throw ApiException.badRequest(
          "request body is not valid JSON"
              + (location == null
                  ? ""
                  : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")"));
    } catch (java.io.IOException e) {
      throw ApiException.badRequest("request body could not be read as JSON");
    }
  }

  private static List<String> segments(String path) {
    return java.util.Arrays.stream(path.split("/")).filter(p -> !p.isEmpty()).toList();
  }

  private static String single(Map<String, List<String>> params, String name) {
    List<String> values = params.get(name);
    if (values == null || values.isEmpty()) {
      return null;
    }
    if (values.size() > 1) {
      throw ApiException.badRequest("query parameter " + name + " must be given once");
    }
    return values.get(0);
  }

  private static void allow(HttpMethod method, String path, String allowed) {
    for (String m : allowed.split(", ")) {
      if (m.equals(method.name())) {
        return;
      }
    }
    throw new MethodNotAllowedException(method.name(), shorten(path), allowed);
  }

  private static AttendeeId attendeeId(String text) {
    try {
      return AttendeeId.parse(text);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("AttendeeId in the path must be a UUID");
    }
  }

  private static ApiException notFound(HttpMethod method, String path) {
    return ApiException.notFound("no such resource: " + method.name() + " " + shorten(path));
  }

  private static ApiException unsupportedOperation(String op, String where, String supported) {
    return ApiException.badRequest(
        "operation '"
            + shorten(op)
            + "' is not supported on "
            + where
            + " (supported: "
            + supported
            + ")");
  }

  private static String shorten(String text) {
    return text.length() <= MAX_ECHOED_PATH ? text : text.substring(0, MAX_ECHOED_PATH) + "…";
  }
}
