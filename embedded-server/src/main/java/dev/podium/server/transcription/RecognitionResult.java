package dev.podium.server.transcription;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link Recognizer} returns for a piece of audio.
 *
 * @param kind none, partial (the hypothesis so far) or final (the utterance is closed)
 * @param text the recognised words, lowercase, space separated
 * @param words the words with times, in order; may be empty when the engine gives no times
 */
public record RecognitionResult(Kind kind, String text, List<RecognizedWord> words) {

  /** Nothing new to report. */
  public static final RecognitionResult NONE = new RecognitionResult(Kind.NONE, "", List.of());

  /** Whether a result is partial or final. */
  public enum Kind {
    NONE,
    PARTIAL,
    FINAL
  }

  public RecognitionResult {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
    words = List.copyOf(words);
  }

  public static RecognitionResult partial(String text, List<RecognizedWord> words) {
    return new RecognitionResult(Kind.PARTIAL, text, words);
  }

  public static RecognitionResult ofFinal(String text, List<RecognizedWord> words) {
    return new RecognitionResult(Kind.FINAL, text, words);
  }

  public boolean isEmpty() {
    return text.isBlank();
  }
}
