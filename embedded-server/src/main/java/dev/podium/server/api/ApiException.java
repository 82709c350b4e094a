package dev.podium.server.api;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Objects;

/**
 * A refusal answered as {@code {"Code": ..., "Message": ...}} with its HTTP status. The message is
 * shown to the caller: it names the field or limit at fault and never holds a secret.
 */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient HttpResponseStatus status;
  private final String code;

  public ApiException(HttpResponseStatus status, String code, String message) {
    super(message, null, false, false);
    this.status = Objects.requireNonNull(status, "status");
    this.code = Objects.requireNonNull(code, "code");
  }

  public HttpResponseStatus status() {
    return status;
  }

  public String code() {
    return code;
  }

  public static ApiException badRequest(String message) {
    return new ApiException(HttpResponseStatus.BAD_REQUEST, "BadRequest", message);
  }

  static ApiException notFound(String message) {
    return new ApiException(HttpResponseStatus.NOT_FOUND, "NotFound", message);
  }
}
