package dev.podium.server.transcription;

/**
 * Receives a meeting's transcript events. Called on transcription worker threads, one event at a
 * time and never after {@link TranscriptionService#stop()} returned; it must be quick (hand the
 * event to signaling and return).
 */
@FunctionalInterface
public interface TranscriptListener {
  void onTranscriptEvent(TranscriptEvent event);
}
