package dev.podium.server.transcription;

import java.util.List;
import java.util.Objects;

/**
 * One caption, as Chime's {@code TranscriptResult}. Partial results with the same {@code resultId}
 * update the caption in place; the final one closes it.
 *
 * @param resultId identifies the caption across its partial and final versions
 * @param channelId optional channel, null here (each speaker is recognised separately)
 * @param isPartial true until the recogniser closes the utterance
 * @param startTimeMs start of the utterance, milliseconds since the epoch (the mixer's clock)
 * @param endTimeMs end of the audio recognised so far, milliseconds since the epoch
 * @param alternatives the transcript; one alternative here
 */
public record TranscriptResult(
    String resultId,
    String channelId,
    boolean isPartial,
    long startTimeMs,
    long endTimeMs,
    List<TranscriptAlternative> alternatives) {
  public TranscriptResult {
    Objects.requireNonNull(resultId, "resultId");
    alternatives = List.copyOf(alternatives);
  }

  /** The first alternative's text, or "" if there is none. */
  public String transcript() {
    return alternatives.isEmpty() ? "" : alternatives.get(0).transcript();
  }
}
