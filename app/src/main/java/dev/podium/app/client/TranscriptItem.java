package dev.podium.app.client;

/**
 * One word or punctuation mark of a caption (Chime's TranscriptItem), with its speaker.
 *
 * @param type a word or punctuation added for reading
 * @param content the word or mark
 * @param startTimeMs start, in milliseconds from the start of transcription
 * @param endTimeMs end, in milliseconds from the start of transcription
 * @param attendeeId the speaker's AttendeeId (a promoted viewer's primary one)
 * @param externalUserId the speaker's ExternalUserId
 * @param confidence 0–1, or null when the recogniser gives none (punctuation)
 */
public record TranscriptItem(
    TranscriptItemType type,
    String content,
    long startTimeMs,
    long endTimeMs,
    String attendeeId,
    String externalUserId,
    Double confidence) {}
