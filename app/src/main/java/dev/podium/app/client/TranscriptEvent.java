package dev.podium.app.client;

/**
 * A live-captions event of the meeting (Chime's TranscriptEvent): either a {@link Transcript} (one
 * or more caption results, partial or final) or a {@link TranscriptionStatus} (captions started,
 * stopped or failed). Delivered by {@link MeetingSessionObserver#onTranscriptEvent}.
 */
public sealed interface TranscriptEvent permits Transcript, TranscriptionStatus {}
