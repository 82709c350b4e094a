package dev.podium.server.transcription;

/**
 * Recognises one stream of 16 kHz mono 16-bit audio, one utterance after another. Word times are
 * relative to the first sample accepted since the recogniser was made or last {@link #finish()}ed.
 * Not thread-safe: one thread at a time feeds it.
 */
public interface Recognizer extends AutoCloseable {

  /**
   * Feeds {@code n} samples of {@code pcm}. Returns a final result when the recogniser decided the
   * utterance ended, a partial result when it has a (possibly unchanged) hypothesis to show, or
   * {@link RecognitionResult#NONE}.
   */
  RecognitionResult acceptPcm16k(short[] pcm, int n);

  /**
   * Ends the current utterance: returns its final result (possibly empty) and readies the
   * recogniser for a new stream, with times starting again at zero.
   */
  RecognitionResult finish();

  /** Frees the native recogniser. Idempotent. */
  @Override
  void close();
}
