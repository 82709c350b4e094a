/**
 * The UI's view of one meeting: {@link dev.podium.app.meeting.MeetingGateway} over the client SDK,
 * the events it reports, status texts, and the in-process "host a webinar from this laptop" runtime
 * helpers. No JavaFX.
 */
package dev.podium.app.meeting;
