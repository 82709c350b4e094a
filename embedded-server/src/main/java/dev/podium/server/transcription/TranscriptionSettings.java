package dev.podium.server.transcription;

import java.time.Duration;
import java.util.Objects;

/**
 * How much of the machine a meeting's transcription may use, and how captions read.
 *
 * @param maxRecognizers recognisers (streams decoded at once); each costs about 0.3-0.5 of a core
 *     while its speaker talks and ~65 MB
 * @param workerThreads threads that resample and recognise
 * @param speakerQueueFrames audio frames queued per speaker before frames are dropped
 * @param silenceRelease a speaker's recogniser is finished and given back after this much silence
 * @param preRoll audio kept for a talking speaker who waits for a recogniser, fed once one frees
 * @param voiceThresholdDbfs level (dB full scale, RMS of a frame) above which a frame is speech
 * @param prettify capitalise the first word and end final captions with a period
 */
public record TranscriptionSettings(
    int maxRecognizers,
    int workerThreads,
    int speakerQueueFrames,
    Duration silenceRelease,
    Duration preRoll,
    double voiceThresholdDbfs,
    boolean prettify) {

  /** Sized for a laptop: two people recognised at once. */
  public static final TranscriptionSettings DEFAULTS =
      new TranscriptionSettings(
          2, 2, 50, Duration.ofMillis(1500), Duration.ofMillis(500), -50.0, true);

  public TranscriptionSettings {
    Objects.requireNonNull(silenceRelease, "silenceRelease");
    Objects.requireNonNull(preRoll, "preRoll");
    if (maxRecognizers < 1 || workerThreads < 1 || speakerQueueFrames < 1) {
      throw new IllegalArgumentException(
          "maxRecognizers, workerThreads and speakerQueueFrames must be at least 1");
    }
    if (silenceRelease.isNegative() || preRoll.isNegative()) {
      throw new IllegalArgumentException("durations must not be negative");
    }
  }

  public TranscriptionSettings withMaxRecognizers(int value) {
    return new TranscriptionSettings(
        value,
        workerThreads,
        speakerQueueFrames,
        silenceRelease,
        preRoll,
        voiceThresholdDbfs,
        prettify);
  }

  public TranscriptionSettings withWorkerThreads(int value) {
    return new TranscriptionSettings(
        maxRecognizers,
        value,
        speakerQueueFrames,
        silenceRelease,
        preRoll,
        voiceThresholdDbfs,
        prettify);
  }

  public TranscriptionSettings withSpeakerQueueFrames(int value) {
    return new TranscriptionSettings(
        maxRecognizers,
        workerThreads,
        value,
        silenceRelease,
        preRoll,
        voiceThresholdDbfs,
        prettify);
  }

  public TranscriptionSettings withSilenceRelease(Duration value) {
    return new TranscriptionSettings(
        maxRecognizers,
        workerThreads,
        speakerQueueFrames,
        value,
        preRoll,
        voiceThresholdDbfs,
        prettify);
  }

  public TranscriptionSettings withPrettify(boolean value) {
    return new TranscriptionSettings(
        maxRecognizers,
        workerThreads,
        speakerQueueFrames,
        silenceRelease,
        preRoll,
        voiceThresholdDbfs,
        value);
  }
}
