package dev.podium.app.client;

import java.util.List;

/**
 * One reading of a caption (Chime's TranscriptAlternative).
 *
 * @param transcript the text
 * @param items its words and punctuation, in order, never null
 */
public record TranscriptAlternative(String transcript, List<TranscriptItem> items) {
  public TranscriptAlternative {
    items = items == null ? List.of() : List.copyOf(items);
  }
}
