package dev.podium.server.transcription;

import java.util.Set;

/**
 * A speech recogniser factory: one loaded model (or none), from which one {@link Recognizer} per
 * audio stream is made. An engine without its model still exists and says why it is unavailable, so
 * a server without the model runs and reports transcription as unavailable.
 */
public interface TranscriptionEngine extends AutoCloseable {

  /** Whether recognisers can be made, and if not, a message a person can act on. */
  EngineAvailability availability();

  /** Language codes (BCP 47, e.g. {@code en-US}) this engine recognises. */
  Set<String> languageCodes();

  /**
   * A new recogniser for 16 kHz mono 16-bit audio in {@code languageCode}.
   *
   * @throws TranscriptionException if the engine is unavailable or the language unsupported
   */
  Recognizer newRecognizer(String languageCode);

  /** Releases the model; recognisers made from it must be closed first. Idempotent. */
  @Override
  void close();
}
