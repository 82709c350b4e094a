package dev.podium.media.audio;

import java.util.List;

/**
 * A snapshot of every source's level and the active-speaker ordering.
 *
 * @param sources one entry per source, in the order they were added
 * @param activeSpeakers ids of unmuted sources currently speaking, loudest first
 */
public record AudioLevels(List<AudioLevel> sources, List<String> activeSpeakers) {

  /** Defensive copies. */
  public AudioLevels {
    sources = List.copyOf(sources);
    activeSpeakers = List.copyOf(activeSpeakers);
  }
}
