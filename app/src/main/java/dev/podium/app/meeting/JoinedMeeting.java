package dev.podium.app.meeting;

/**
 * A meeting the app has joined, handed from the start screen to the meeting window.
 *
 * @param gateway the started session
 * @param title what the window calls the meeting
 * @param invites invitation maker when this app hosts the webinar, else null
 * @param resources closed after the session when the window closes (e.g. the embedded server), or
 *     null
 */
public record JoinedMeeting(
    MeetingGateway gateway, String title, InviteLinks invites, AutoCloseable resources) {}
