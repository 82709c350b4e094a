package dev.podium.server.transcription;

import java.util.Objects;

/**
 * Whether a {@link TranscriptionEngine} can recognise speech.
 *
 * @param available true when recognisers can be made
 * @param message what the engine uses, or why it is unavailable and how to fix it
 */
public record EngineAvailability(boolean available, String message) {
  public EngineAvailability {
    Objects.requireNonNull(message, "message");
  }

  public static EngineAvailability ready(String message) {
    return new EngineAvailability(true, message);
  }

  public static EngineAvailability unavailable(String message) {
    return new EngineAvailability(false, message);
  }
}
