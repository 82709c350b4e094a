package dev.podium.server.transcription;

import java.util.Objects;

/**
 * One recognised word.
 *
 * @param word the word, as the engine spells it
 * @param startMillis start, in milliseconds from the recogniser's first sample
 * @param endMillis end, in milliseconds from the recogniser's first sample
 * @param confidence 0 to 1, or NaN when the engine gives none (e.g. for partial results)
 */
public record RecognizedWord(String word, long startMillis, long endMillis, double confidence) {
  public RecognizedWord {
    Objects.requireNonNull(word, "word");
    if (endMillis < startMillis) {
      throw new IllegalArgumentException("a word ends before it starts: " + word);
    }
  }
}
