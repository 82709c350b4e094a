package dev.podium.testkit;

import java.time.Duration;
import java.util.Objects;

/**
 * Options of a {@link PeerEnvironment}.
 *
 * @param recordingStopDelay quiet time after an audio-sending peer connects before the headless
 *     module's recording is stopped and audio pushes resume (300 ms is the value checked on this
 *     machine; calling it at once crashed once)
 * @param maxAudioHold longest time a connecting peer may suspend every peer's audio pushes
 * @param videoThreads threads shared by all peers' video generators
 * @param shutdownTimeout limit for each native shutdown step (peer close, factory dispose)
 */
public record EnvironmentOptions(
    Duration recordingStopDelay,
    Duration maxAudioHold,
    int videoThreads,
    Duration shutdownTimeout) {

  /** Checks the fields. */
  public EnvironmentOptions {
    Objects.requireNonNull(recordingStopDelay, "recordingStopDelay");
    Objects.requireNonNull(maxAudioHold, "maxAudioHold");
    Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
    if (recordingStopDelay.isNegative()
        || maxAudioHold.isNegative()
        || shutdownTimeout.isNegative()) {
      throw new IllegalArgumentException("durations must not be negative");
    }
    if (videoThreads < 1) {
      throw new IllegalArgumentException("videoThreads must be >= 1");
    }
  }

  /** 300 ms recording stop delay, 30 s maximum hold, 2 video threads, 10 s shutdown steps. */
  public static EnvironmentOptions defaults() {
    return new EnvironmentOptions(
        Duration.ofMillis(300), Duration.ofSeconds(30), 2, Duration.ofSeconds(10));
  }
}
