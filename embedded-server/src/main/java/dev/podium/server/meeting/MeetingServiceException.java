package dev.podium.server.meeting;

import java.util.Objects;

/** A precise refusal of a control-plane call; its message names the field or limit at fault. */
public final class MeetingServiceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final MeetingErrorKind kind;

  public MeetingServiceException(MeetingErrorKind kind, String message) {
    super(message);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  public MeetingServiceException(MeetingErrorKind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  public MeetingErrorKind kind() {
    return kind;
  }

  static MeetingServiceException notFound(String message) {
    return new MeetingServiceException(MeetingErrorKind.NOT_FOUND, message);
  }

  static MeetingServiceException badRequest(String message) {
    return new MeetingServiceException(MeetingErrorKind.BAD_REQUEST, message);
  }
}
