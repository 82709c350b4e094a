package dev.podium.server.transcription;

/** Kinds of {@link TranscriptionStatus}, a subset of Chime's {@code TranscriptionStatusType}. */
public enum TranscriptionStatusType {
  STARTED,
  STOPPED,
  FAILED;

  /** The wire name Chime uses. */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
