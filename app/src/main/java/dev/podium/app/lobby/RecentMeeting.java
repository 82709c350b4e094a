package dev.podium.app.lobby;

/**
 * A meeting joined before, offered again on the start screen.
 *
 * @param title what it was called
 * @param link its join link (a credential: stored only in the user's own config directory)
 * @param lastJoinedMs when it was last joined, epoch milliseconds
 */
public record RecentMeeting(String title, String link, long lastJoinedMs) {}
