package dev.podium.server.meeting;

import java.util.List;
import java.util.Map;

/**
 * Everything a repository holds, read once at start.
 *
 * @param meetings live meetings
 * @param attendees live and deleted attendees
 * @param clientRequestTokens CreateMeeting idempotency tokens → meeting
 */
public record StoredState(
    List<Meeting> meetings,
    List<StoredAttendee> attendees,
    Map<String, MeetingId> clientRequestTokens) {

  public StoredState {
    meetings = List.copyOf(meetings);
    attendees = List.copyOf(attendees);
    clientRequestTokens = Map.copyOf(clientRequestTokens);
  }
}
