package dev.podium.server.api;

import dev.podium.server.meeting.MeetingErrorKind;
import dev.podium.server.meeting.MeetingServiceException;
import io.netty.handler.codec.http.HttpResponseStatus;

/** Maps meeting-service refusals to HTTP statuses and Chime error codes. */
final class ErrorCodes {
  private ErrorCodes() {}

  static String code(MeetingErrorKind kind) {
    return switch (kind) {
      case BAD_REQUEST -> "BadRequest";
      case NOT_FOUND -> "NotFound";
      case FORBIDDEN -> "Forbidden";
      case CONFLICT -> "Conflict";
      case LIMIT_EXCEEDED -> "LimitExceeded";
      case UNAVAILABLE -> "ServiceUnavailable";
    };
  }

  static HttpResponseStatus status(MeetingErrorKind kind) {
    return switch (kind) {
      case BAD_REQUEST -> HttpResponseStatus.BAD_REQUEST;
      case NOT_FOUND -> HttpResponseStatus.NOT_FOUND;
      case FORBIDDEN -> HttpResponseStatus.FORBIDDEN;
      case CONFLICT -> HttpResponseStatus.CONFLICT;
      case LIMIT_EXCEEDED -> HttpResponseStatus.TOO_MANY_REQUESTS;
      case UNAVAILABLE -> HttpResponseStatus.SERVICE_UNAVAILABLE;
    };
  }

  static ApiException toApi(MeetingServiceException e) {
    return new ApiException(status(e.kind()), code(e.kind()), e.getMessage());
  }
}
