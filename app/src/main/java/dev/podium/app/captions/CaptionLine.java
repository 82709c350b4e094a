package dev.podium.app.captions;

/**
 * One caption line.
 *
 * @param attendeeId who spoke
 * @param speaker display name
 * @param text recognised text
 * @param partial still being recognised (updated in place)
 * @param startTimeMs when the utterance started
 */
public record CaptionLine(
    String attendeeId, String speaker, String text, boolean partial, long startTimeMs) {}
