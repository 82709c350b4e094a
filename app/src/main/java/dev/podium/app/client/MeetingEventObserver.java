package dev.podium.app.client;

/**
 * Receives a session's {@link MeetingEvent}s, on the session's event thread, in order ({@link
 * MeetingSession#addEventObserver}).
 */
@FunctionalInterface
public interface MeetingEventObserver {

  /** One event; must not block. */
  void onMeetingEvent(MeetingEvent event);
}
