package dev.podium.app.client;

import dev.podium.server.protocol.StatusCode;
import java.util.Objects;

/**
 * The outcome of a session request or the reason a session ended (Chime's MeetingSessionStatus):
 * either a server {@link StatusCode} (also used for the same refusals made locally, e.g. an
 * oversize data message) or a {@link ClientFailure}.
 *
 * @param code the server's code, or {@code null} when {@code failure} is set
 * @param failure what failed inside the SDK, or {@code null} when {@code code} is set
 * @param message a human-readable reason
 */
public record MeetingSessionStatus(StatusCode code, ClientFailure failure, String message) {

  public MeetingSessionStatus {
    if ((code == null) == (failure == null)) {
      throw new IllegalArgumentException("exactly one of code and failure must be set");
    }
    message = Objects.requireNonNullElse(message, "");
  }

  /** Success. */
  public static MeetingSessionStatus ok() {
    return new MeetingSessionStatus(StatusCode.OK, null, "ok");
  }

  /** A status with a server code (received, or the same refusal made locally). */
  public static MeetingSessionStatus of(StatusCode code, String message) {
    return new MeetingSessionStatus(code, null, message);
  }

  /** A failure inside the SDK. */
  public static MeetingSessionStatus failed(ClientFailure failure, String message) {
    return new MeetingSessionStatus(null, failure, message);
  }

  /** True for {@link StatusCode#OK}. */
  public boolean isOk() {
    return code == StatusCode.OK;
  }

  @Override
  public String toString() {
    return (code != null ? code.name() : failure.name()) + ": " + message;
  }
}
