package dev.podium.app.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a {@link MeetingSession} needs to join: where (the meeting's SignalingUrl), as whom
 * (the attendee's JoinToken) and, for a server with a self-signed certificate, the certificate's
 * SHA-256 fingerprint to pin. Built from the control API's answers ({@link #fromControlApi}) or
 * from a join link ({@link #fromJoinLink}; format in docs/sdk.md).
 *
 * @param meetingId the MeetingId (the last path segment of the SignalingUrl)
 * @param externalMeetingId the meeting's ExternalMeetingId, or null
 * @param attendeeId the AttendeeId, or null when unknown until joined (join links)
 * @param externalUserId the attendee's ExternalUserId, or null when unknown until joined
 * @param signalingUrl the meeting's {@code ws://} or {@code wss://} SignalingUrl
 * @param joinToken the attendee's JoinToken (secret: never logged)
 * @param certificateSha256 lower-case hex SHA-256 of the server's TLS certificate to pin, or null
 *     to use the JVM's trust store
 * @param eventIngestionUrl where the session posts its meeting events (the meeting's
 *     MediaPlacement.EventIngestionUrl); null derives it from the SignalingUrl (same server, {@code
 *     /v1/meetings/{MeetingId}/events})
 */
public record MeetingSessionConfiguration(
    String meetingId,
    String externalMeetingId,
    String attendeeId,
    String externalUserId,
    URI signalingUrl,
    String joinToken,
    String certificateSha256,
    URI eventIngestionUrl) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public MeetingSessionConfiguration {
    Objects.requireNonNull(signalingUrl, "signalingUrl");
    String scheme = Objects.requireNonNullElse(signalingUrl.getScheme(), "");
    if (!scheme.equals("ws") && !scheme.equals("wss")) {
      throw new IllegalArgumentException("the SignalingUrl must be ws:// or wss://");
    }
    if (joinToken == null || joinToken.isBlank()) {
      throw new IllegalArgumentException("a JoinToken is required");
    }
    if (meetingId == null) {
      meetingId = lastSegment(signalingUrl);
    }
    if (certificateSha256 != null) {
      certificateSha256 = normalizeFingerprint(certificateSha256);
    }
    if (eventIngestionUrl == null) {
      eventIngestionUrl = defaultEventIngestionUrl(signalingUrl, meetingId);
    }
  }

  /** A configuration whose EventIngestionUrl is derived from the SignalingUrl. */
  public MeetingSessionConfiguration(
      String meetingId,
      String externalMeetingId,
      String attendeeId,
      String externalUserId,
      URI signalingUrl,
      String joinToken,
      String certificateSha256) {
    this(
        meetingId,
        externalMeetingId,
        attendeeId,
        externalUserId,
        signalingUrl,
        joinToken,
        certificateSha256,
        null);
  }

  /** {@code ws(s)://host:port/...} → {@code http(s)://host:port/v1/meetings/{id}/events}. */
  static URI defaultEventIngestionUrl(URI signalingUrl, String meetingId) {
    String scheme = "wss".equals(signalingUrl.getScheme()) ? "https" : "http";
    return URI.create(
        scheme + "://" + signalingUrl.getRawAuthority() + "/v1/meetings/" + meetingId + "/events");
  }

  /**
   * From the control API's answers: the CreateMeeting/GetMeeting JSON and the CreateAttendee JSON
   * (with or without their {@code "Meeting"}/{@code "Attendee"} envelopes).
   *
   * @param certificateSha256 fingerprint to pin, or null
   * @throws IllegalArgumentException naming the missing field
   */
  public static MeetingSessionConfiguration fromControlApi(
      String meetingJson, String attendeeJson, String certificateSha256) {
    JsonNode meeting = unwrap(parse(meetingJson, "meeting"), "Meeting");
    JsonNode attendee = unwrap(parse(attendeeJson, "attendee"), "Attendee");
    String url = text(meeting.path("MediaPlacement"), "SignalingUrl", true);
    String events = text(meeting.path("MediaPlacement"), "EventIngestionUrl", false);
    return new MeetingSessionConfiguration(
        text(meeting, "MeetingId", true),
        text(meeting, "ExternalMeetingId", false),
        text(attendee, "AttendeeId", true),
        text(attendee, "ExternalUserId", false),
        URI.create(url),
        text(attendee, "JoinToken", true),
        certificateSha256,
        events == null ? null : URI.create(events));
  }

  /**
   * From a join link: {@code podium://join?url=<SignalingUrl>&token=<JoinToken>[&fp=<sha256>]} or
   * the same parameters on {@code https://<host>/join} (in the fragment or the query).
   *
   * @throws IllegalArgumentException if the link is not a join link or lacks url/token
   */
  public static MeetingSessionConfiguration fromJoinLink(String link) {
    URI uri = URI.create(link.trim());
    String scheme = Objects.requireNonNullElse(uri.getScheme(), "").toLowerCase(Locale.ROOT);
    String params;
    if (scheme.equals("podium")) {
      String rest = uri.getRawSchemeSpecificPart();
      if (!rest.startsWith("//join?") && !rest.startsWith("join?")) {
        throw new IllegalArgumentException("a podium link must be podium://join?url=...&token=...");
      }
      params = rest.substring(rest.indexOf('?') + 1);
      if (uri.getRawFragment() != null) {
        params = params + "#" + uri.getRawFragment();
      }
    } else if (scheme.equals("https") || scheme.equals("http")) {
      String path = Objects.requireNonNullElse(uri.getRawPath(), "");
      if (!path.endsWith("/join")) {
        throw new IllegalArgumentException("an https join link's path must end with /join");
      }
      params = uri.getRawFragment() != null ? uri.getRawFragment() : uri.getRawQuery();
    } else {
      throw new IllegalArgumentException("not a join link: scheme " + scheme);
    }
    Map<String, String> values = query(Objects.requireNonNullElse(params, ""));
    String url = values.get("url");
    String token = values.get("token");
    if (url == null || token == null) {
      throw new IllegalArgumentException("a join link needs url= and token=");
    }
    return new MeetingSessionConfiguration(
        null,
        null,
        values.get("attendee"),
        values.get("user"),
        URI.create(url),
        token,
        values.get("fp"));
  }

  /** This configuration as a {@code podium://join} link (contains the secret JoinToken). */
  public String toJoinLink() {
    StringBuilder link =
        new StringBuilder("podium://join?url=")
            .append(encode(signalingUrl.toString()))
            .append("&token=")
            .append(encode(joinToken));
    if (certificateSha256 != null) {
      link.append("&fp=").append(certificateSha256);
    }
    return link.toString();
  }

  /** A copy that pins {@code sha256} (hex, colons allowed). */
  public MeetingSessionConfiguration withCertificateSha256(String sha256) {
    return new MeetingSessionConfiguration(
        meetingId,
        externalMeetingId,
        attendeeId,
        externalUserId,
        signalingUrl,
        joinToken,
        sha256,
        eventIngestionUrl);
  }

  /** A copy that posts its meeting events to {@code url}. */
  public MeetingSessionConfiguration withEventIngestionUrl(URI url) {
    return new MeetingSessionConfiguration(
        meetingId,
        externalMeetingId,
        attendeeId,
        externalUserId,
        signalingUrl,
        joinToken,
        certificateSha256,
        url);
  }

  /** Never prints the JoinToken. */
  @Override
  public String toString() {
    return "MeetingSessionConfiguration[meetingId="
        + meetingId
        + ", attendeeId="
        + attendeeId
        + ", externalUserId="
        + externalUserId
        + ", signalingUrl="
        + signalingUrl
        + ", pinned="
        + (certificateSha256 != null)
        + "]";
  }

  static String normalizeFingerprint(String fingerprint) {
    String hex = fingerprint.replace(":", "").trim().toLowerCase(Locale.ROOT);
    if (!hex.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("a SHA-256 fingerprint is 32 bytes of hex");
    }
    return hex;
  }

  private static String lastSegment(URI url) {
    String path = Objects.requireNonNullElse(url.getPath(), "");
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private static JsonNode parse(String json, String what) {
    try {
      JsonNode node = JSON.readTree(json);
      if (node == null || !node.isObject()) {
        throw new IllegalArgumentException("the " + what + " JSON is not an object");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the " + what + " JSON does not parse", e);
    }
  }

  private static JsonNode unwrap(JsonNode node, String envelope) {
    return node.has(envelope) ? node.get(envelope) : node;
  }

  private static String text(JsonNode node, String field, boolean required) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      if (required) {
        throw new IllegalArgumentException("missing string field " + field);
      }
      return null;
    }
    return value.asText();
  }

  private static Map<String, String> query(String params) {
    Map<String, String> values = new HashMap<>();
    for (String pair : params.split("[&#]")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        values.put(
            pair.substring(0, eq),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return values;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
