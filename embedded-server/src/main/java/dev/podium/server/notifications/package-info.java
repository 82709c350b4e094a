/**
 * Webhooks: meeting life-cycle events (meeting started/ended, attendee joined/left/dropped,
 * promoted/demoted, replica created/deleted, transcription started/stopped) posted as signed JSON
 * to the host application's URLs by a background sender, ordered per meeting group, retried with
 * exponential back-off, in bounded memory. See docs/webhooks.md.
 */
package dev.podium.server.notifications;
