package dev.podium.media.audio;

/**
 * Told about level and active-speaker changes at most every 200 ms and only when the rounded
 * levels, flags or ordering changed; called on the mixer's thread, so hand the work off.
 */
public interface AudioLevelListener {

  /** The new levels, rounded to one decimal. */
  void onAudioLevels(AudioLevels levels);
}
