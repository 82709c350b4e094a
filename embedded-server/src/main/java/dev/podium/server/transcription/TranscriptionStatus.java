package dev.podium.server.transcription;

import java.util.Objects;

/**
 * A change in a meeting's transcription, as Chime's {@code TranscriptionStatus}.
 *
 * @param type started, stopped or failed
 * @param eventTimeMs when, milliseconds since the epoch
 * @param transcriptionRegion where recognition runs: always {@code local} (no audio leaves the
 *     server)
 * @param transcriptionConfiguration the language code, e.g. {@code en-US}
 * @param message why it failed (without server details, which go to the log), or null
 */
public record TranscriptionStatus(
    TranscriptionStatusType type,
    long eventTimeMs,
    String transcriptionRegion,
    String transcriptionConfiguration,
    String message)
    implements TranscriptEvent {
  /** The region reported for on-server recognition. */
  public static final String LOCAL_REGION = "local";

  public TranscriptionStatus {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(transcriptionRegion, "transcriptionRegion");
  }
}
