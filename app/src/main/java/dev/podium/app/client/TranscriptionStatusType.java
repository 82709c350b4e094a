package dev.podium.app.client;

/** What a {@link TranscriptionStatus} reports (Chime's TranscriptionStatusType). */
public enum TranscriptionStatusType {
  /** Captions run; transcript events follow. */
  STARTED,
  /** Captions were stopped; no more transcript events. */
  STOPPED,
  /** Captions could not run; the status's message says why. */
  FAILED
}
