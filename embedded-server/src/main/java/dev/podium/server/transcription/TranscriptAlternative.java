package dev.podium.server.transcription;

import java.util.List;
import java.util.Objects;

/**
 * One reading of a caption, as Chime's {@code TranscriptAlternative}.
 *
 * @param transcript the text as shown
 * @param items the words (and punctuation) with times and speaker
 */
public record TranscriptAlternative(String transcript, List<TranscriptItem> items) {
  public TranscriptAlternative {
    Objects.requireNonNull(transcript, "transcript");
    items = List.copyOf(items);
  }
}
