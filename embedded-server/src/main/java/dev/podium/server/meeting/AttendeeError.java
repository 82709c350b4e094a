package dev.podium.server.meeting;

/** Why one item of a batch create was refused (Chime's CreateAttendeeError). */
public record AttendeeError(String externalUserId, MeetingErrorKind kind, String message) {}
