package dev.podium.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * What a control API call answers.
 *
 * @param status the HTTP status
 * @param body the JSON body, or null (204)
 */
public record ApiResponse(HttpResponseStatus status, JsonNode body) {

  static ApiResponse ok(JsonNode body) {
    return new ApiResponse(HttpResponseStatus.OK, body);
  }

  static ApiResponse noContent() {
    return new ApiResponse(HttpResponseStatus.NO_CONTENT, null);
  }
}
