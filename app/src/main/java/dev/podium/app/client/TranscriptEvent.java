package dev.podium.app.client;

/**
 * A live caption (partial or final) of one speaker. Delivered once the server sends transcription
 * events; the protocol has no such message yet.
 *
 * @param attendeeId the speaking attendee
 * @param text recognised text so far
 * @param partial true while the utterance may still change
 * @param startTimeMs server time the utterance started, epoch milliseconds
 */
public record TranscriptEvent(String attendeeId, String text, boolean partial, long startTimeMs) {}
