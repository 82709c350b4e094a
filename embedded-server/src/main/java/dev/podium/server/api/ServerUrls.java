package dev.podium.server.api;

import dev.podium.server.meeting.MeetingId;

/**
 * The base URLs clients reach this server at (advertised host and bound port), used to build a
 * meeting's MediaPlacement.
 *
 * @param httpBase e.g. {@code http://127.0.0.1:8080}
 * @param webSocketBase e.g. {@code ws://127.0.0.1:8080}
 */
public record ServerUrls(String httpBase, String webSocketBase) {

  /** Path prefix under which the signaling WebSocket is served. */
  public static final String SIGNALING_PATH = "/v1/signaling/";

  /** Where viewers of a webinar ask for a seat (no API key; see docs/api.md). */
  public static final String AUDIENCE_PATH = "/v1/audience/";

  /** URLs for a host (name, IPv4 or IPv6 literal) and port, with or without TLS. */
  public static ServerUrls of(String host, int port, boolean tls) {
    String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    return new ServerUrls(
        (tls ? "https://" : "http://") + h + ":" + port,
        (tls ? "wss://" : "ws://") + h + ":" + port);
  }

  /** A meeting's SignalingUrl. */
  public String signalingUrl(MeetingId meetingId) {
    return webSocketBase + SIGNALING_PATH + meetingId;
  }

  /** The public audience link of a primary meeting. */
  public String audienceUrl(MeetingId meetingId) {
    return httpBase + AUDIENCE_PATH + meetingId;
  }

  /** A meeting's EventIngestionUrl (see {@link ClientEventIngestion}). */
  public String eventIngestionUrl(MeetingId meetingId) {
    return httpBase + "/v1/meetings/" + meetingId + "/events";
  }
}
