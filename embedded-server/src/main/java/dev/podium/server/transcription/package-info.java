/**
 * Live captions: offline speech recognition of each primary speaker's decoded voice, delivered as
 * events in the shape of Amazon Chime's transcript events. The mixer hands audio to {@link
 * dev.podium.server.transcription.TranscriptionService} (never blocking); recognition runs on a
 * small worker pool with a bounded pool of recognisers. See docs/transcription.md.
 */
package dev.podium.server.transcription;
