package dev.podium.server.transcription;

/** Kinds of {@link TranscriptItem}, as Chime's {@code TranscriptItemType}. */
public enum TranscriptItemType {
  /** A spoken word; Chime's {@code pronunciation}. */
  PRONUNCIATION,
  /** Punctuation added for reading; Chime's {@code punctuation}. */
  PUNCTUATION;

  /** The wire name Chime uses. */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
