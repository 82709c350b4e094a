package dev.podium.server.transcription;

import java.util.List;

/**
 * Caption results, as Chime's {@code Transcript}: each result is partial (it will be replaced by a
 * later result with the same id) or final (it closes that id).
 *
 * @param results usually one result
 */
public record Transcript(List<TranscriptResult> results) implements TranscriptEvent {
  public Transcript {
    results = List.copyOf(results);
  }
}
