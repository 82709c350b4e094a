package dev.podium.app.chat;

/**
 * One line of the chat panel.
 *
 * @param sender display name of the sender ("You" for this attendee, empty for notices)
 * @param text the message
 * @param timestampMs when it was sent, epoch milliseconds
 * @param mine sent by this attendee
 * @param notice a message from the app (e.g. why sending failed), not from a person
 */
public record ChatLine(
    String sender, String text, long timestampMs, boolean mine, boolean notice) {}
