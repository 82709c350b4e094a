package dev.podium.app.client;

/**
 * Captions of the meeting started, stopped or failed (Chime's TranscriptionStatus).
 *
 * @param type what happened
 * @param eventTimeMs when, epoch milliseconds (server clock)
 * @param languageCode the captions' language, e.g. {@code en-US}
 * @param message why it failed, or null
 */
public record TranscriptionStatus(
    TranscriptionStatusType type, long eventTimeMs, String languageCode, String message)
    implements TranscriptEvent {}
