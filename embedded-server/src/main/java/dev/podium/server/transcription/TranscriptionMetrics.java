package dev.podium.server.transcription;

import dev.podium.server.metrics.Counter;
import dev.podium.server.metrics.MetricsRegistry;

/**
 * The server's transcription counters, registered once and shared by every meeting's {@link
 * TranscriptionService}.
 */
public final class TranscriptionMetrics {
  /** Reason label: the speaker's queue was full because recognition fell behind. */
  public static final String QUEUE_FULL = "queue_full";

  /** Reason label: the speaker talked while every recogniser was busy, beyond the pre-roll. */
  public static final String NO_RECOGNIZER = "no_recognizer";

  private final Counter framesDropped;
  private final Counter framesRecognized;
  private final Counter results;

  public TranscriptionMetrics(MetricsRegistry registry) {
    framesDropped =
        registry.counter(
            "podium_transcription_frames_dropped_total",
            "Audio frames left out of captions, by reason (the mix is never affected).",
            "reason");
    framesRecognized =
        registry.counter(
            "podium_transcription_frames_recognized_total",
            "Audio frames fed to a speech recogniser.");
    results =
        registry.counter(
            "podium_transcription_results_total",
            "Caption results emitted, partial or final.",
            "kind");
  }

  void dropped(String reason) {
    framesDropped.inc(reason);
  }

  void recognized() {
    framesRecognized.inc();
  }

  void result(boolean partial) {
    results.inc(partial ? "partial" : "final");
  }

  /** Frames dropped for {@code reason} ({@link #QUEUE_FULL} or {@link #NO_RECOGNIZER}). */
  public long droppedFrames(String reason) {
    return framesDropped.value(reason);
  }

  /** Frames fed to a recogniser. */
  public long recognizedFrames() {
    return framesRecognized.value();
  }
}
