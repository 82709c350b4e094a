package dev.podium.app.client;

/**
 * Credentials of an attendee of the primary meeting that a replica viewer presents to be promoted
 * (see {@link MeetingSession#promoteToPrimaryMeeting}): from CreateAttendee in the primary meeting,
 * or from a host's stage invitation.
 *
 * @param attendeeId the primary attendee's AttendeeId
 * @param externalUserId its ExternalUserId (informational; may be null)
 * @param joinToken its JoinToken
 */
public record PromotionCredentials(String attendeeId, String externalUserId, String joinToken) {}
