package dev.podium.server.transcription;

import java.util.Objects;

/** A refused transcription control call (start, stop, making a recogniser), with its reason. */
public final class TranscriptionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why a call was refused; the lead maps these onto API error codes. */
  public enum Reason {
    /** The engine has no model or could not load its native library. */
    ENGINE_UNAVAILABLE,
    /** The language code is not one the engine recognises. */
    UNSUPPORTED_LANGUAGE,
    /** Transcription is already running for this meeting. */
    ALREADY_STARTED
  }

  private final Reason reason;

  public TranscriptionException(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public TranscriptionException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public Reason reason() {
    return reason;
  }
}
