package dev.podium.app.captions;

/**
 * One caption line.
 *
 * @param resultId the caption's result id (its partials share it)
 * @param attendeeId who spoke
 * @param speaker display name
 * @param text recognised text
 * @param partial still being recognised (updated in place)
 * @param startTimeMs when the utterance started (ms from the start of transcription)
 */
public record CaptionLine(
    String resultId,
    String attendeeId,
    String speaker,
    String text,
    boolean partial,
    long startTimeMs) {}
