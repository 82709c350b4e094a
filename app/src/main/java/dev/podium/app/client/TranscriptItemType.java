package dev.podium.app.client;

/** What a {@link TranscriptItem} is (Chime's TranscriptItemType). */
public enum TranscriptItemType {
  /** A recognised word. */
  PRONUNCIATION,
  /** Punctuation added for reading. */
  PUNCTUATION
}
