package dev.podium.app.client;

import java.util.List;

/**
 * One caption of one speaker (Chime's TranscriptResult).
 *
 * @param resultId identifies the caption; partial results of it share this id
 * @param channelId the server's audio channel
 * @param isPartial true while the caption may still change
 * @param startTimeMs start, in milliseconds from the start of transcription
 * @param endTimeMs end, in milliseconds from the start of transcription
 * @param alternatives readings of the caption, best first, never null
 */
public record TranscriptResult(
    String resultId,
    String channelId,
    boolean isPartial,
    long startTimeMs,
    long endTimeMs,
    List<TranscriptAlternative> alternatives) {

  public TranscriptResult {
    alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
  }

  /** The best reading's text, or "" when there is none. */
  public String text() {
    if (alternatives.isEmpty() || alternatives.get(0).transcript() == null) {
      return "";
    }
    return alternatives.get(0).transcript();
  }

  /** The speaker of the best reading's first item, or null when it has no items. */
  public TranscriptItem firstItem() {
    if (alternatives.isEmpty() || alternatives.get(0).items().isEmpty()) {
      return null;
    }
    return alternatives.get(0).items().get(0);
  }

  /** The speaker's AttendeeId (primary identity), or null when unknown. */
  public String speakerAttendeeId() {
    TranscriptItem item = firstItem();
    return item == null ? null : item.attendeeId();
  }

  /** The speaker's ExternalUserId, or null when unknown. */
  public String speakerExternalUserId() {
    TranscriptItem item = firstItem();
    return item == null ? null : item.externalUserId();
  }
}
