package dev.podium.server.protocol;

/** A signaling message that cannot be decoded; carries the status to answer with. */
public final class SignalDecodeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final StatusCode code;
  private final String requestId;

  public SignalDecodeException(StatusCode code, String message, String requestId) {
    super(message);
    this.code = code;
    this.requestId = requestId;
  }

  public StatusCode code() {
    return code;
  }

  /** The requestId of the bad message, if it had one. */
  public String requestId() {
    return requestId;
  }
}
