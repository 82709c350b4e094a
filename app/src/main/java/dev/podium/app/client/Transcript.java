package dev.podium.app.client;

import java.util.List;

/**
 * Captions of the primary meeting's speakers (Chime's Transcript): each result is one caption of
 * one speaker; a partial result is replaced by later results with the same {@code resultId} until
 * its final result.
 *
 * @param results the captions in this event, never null
 */
public record Transcript(List<TranscriptResult> results) implements TranscriptEvent {
  public Transcript {
    results = results == null ? List.of() : List.copyOf(results);
  }
}
