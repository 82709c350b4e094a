package dev.podium.server.transcription;

import java.util.Objects;

/**
 * One word or punctuation mark of a caption, as Chime's {@code TranscriptItem}.
 *
 * @param type pronunciation (a word) or punctuation
 * @param content the word or mark
 * @param startTimeMs start, milliseconds since the epoch; approximate in partial results
 * @param endTimeMs end, milliseconds since the epoch; approximate in partial results
 * @param attendee who said it
 * @param confidence 0 to 1 for words of final results, otherwise null
 */
public record TranscriptItem(
    TranscriptItemType type,
    String content,
    long startTimeMs,
    long endTimeMs,
    TranscriptAttendee attendee,
    Double confidence) {
  public TranscriptItem {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(attendee, "attendee");
  }
}
