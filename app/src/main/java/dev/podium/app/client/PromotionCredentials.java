package dev.podium.app.client;

/**
 * Credentials of an attendee of the primary meeting that a replica viewer presents to be promoted
 * (see {@link MeetingSession#promoteToPrimaryMeeting}). Not yet accepted by the server.
 *
 * @param attendeeId the primary attendee's AttendeeId
 * @param externalUserId its ExternalUserId
 * @param joinToken its JoinToken
 */
public record PromotionCredentials(String attendeeId, String externalUserId, String joinToken) {}
