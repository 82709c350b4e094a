package dev.podium.server.meeting;

/** The result of CreateMeetingWithAttendees. */
public record MeetingWithAttendees(Meeting meeting, BatchCreateResult attendees) {}
