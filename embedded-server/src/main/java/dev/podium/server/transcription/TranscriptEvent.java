package dev.podium.server.transcription;

/**
 * What a meeting's transcription emits, in the shape of Amazon Chime's {@code TranscriptEvent}: a
 * {@link Transcript} (caption results) or a {@link TranscriptionStatus} (started, stopped, failed).
 */
public sealed interface TranscriptEvent permits Transcript, TranscriptionStatus {}
