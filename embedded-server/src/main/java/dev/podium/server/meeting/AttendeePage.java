package dev.podium.server.meeting;

import java.util.List;

/** One page of ListAttendees; {@code nextToken} is null on the last page. */
public record AttendeePage(List<Attendee> attendees, String nextToken) {

  public AttendeePage {
    attendees = List.copyOf(attendees);
  }
}
