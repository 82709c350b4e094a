package dev.podium.server.api;

import java.net.InetAddress;

/**
 * Serves a meeting's EventIngestionUrl ({@code POST /v1/meetings/{MeetingId}/events}): clients post
 * batches of their meeting events there with their own JoinToken, never the API key. The
 * implementation lives outside the control API (package {@code dev.podium.server.events}); it
 * answers with an {@link ApiResponse} or refuses with an {@link ApiException}.
 */
public interface ClientEventIngestion {

  /**
   * Path prefix of the EventIngestionUrl; the path is the prefix, the MeetingId, {@code /events}.
   */
  String PATH_PREFIX = "/v1/meetings/";

  /** Path suffix of the EventIngestionUrl. */
  String PATH_SUFFIX = "/events";

  /**
   * Ingests one batch.
   *
   * @param meetingId the path's MeetingId segment, not yet validated
   * @param authorization the Authorization header, or null
   * @param client the caller's address
   * @param body the request body (at most the HTTP aggregator's limit)
   */
  ApiResponse ingest(String meetingId, String authorization, InetAddress client, byte[] body);

  /** The MeetingId segment if {@code path} is an EventIngestionUrl path, else null. */
  static String meetingIdOf(String path) {
    if (!path.startsWith(PATH_PREFIX) || !path.endsWith(PATH_SUFFIX)) {
      return null;
    }
    String id = path.substring(PATH_PREFIX.length(), path.length() - PATH_SUFFIX.length());
    return id.isEmpty() || id.contains("/") ? null : id;
  }
}
