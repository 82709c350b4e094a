package dev.podium.app.client;

/**
 * Counts of a session's meeting events.
 *
 * @param emitted events the session produced
 * @param uploaded events the server accepted
 * @param dropped events lost: queue full, or their batch was refused or could not be sent
 * @param failedBatches uploads that failed (refused or unreachable)
 */
public record MeetingEventStats(long emitted, long uploaded, long dropped, long failedBatches) {}
