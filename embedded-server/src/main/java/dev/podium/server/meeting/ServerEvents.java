package dev.podium.server.meeting;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's {@link ServerEventListener}s behind one listener: the meeting service and the
 * signaling layer call this, and it hands each event to every registered listener, logging and
 * ignoring a listener's exception so that a notification never disturbs a meeting.
 */
public final class ServerEvents implements ServerEventListener {
  private static final Logger log = LoggerFactory.getLogger(ServerEvents.class);

  private final List<ServerEventListener> listeners = new CopyOnWriteArrayList<>();

  public void addListener(ServerEventListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  public void removeListener(ServerEventListener listener) {
    listeners.remove(listener);
  }

  private void each(Consumer<ServerEventListener> call) {
    for (ServerEventListener listener : listeners) {
      try {
        call.accept(listener);
      } catch (RuntimeException e) {
        log.warn("Server event listener {} failed", listener, e);
      }
    }
  }

  @Override
  public void onMeetingStarted(Meeting meeting) {
    each(l -> l.onMeetingStarted(meeting));
  }

  @Override
  public void onMeetingEnded(Meeting meeting, MeetingDeletionReason reason) {
    each(l -> l.onMeetingEnded(meeting, reason));
  }

  @Override
  public void onAttendeeJoined(Meeting meeting, Attendee attendee) {
    each(l -> l.onAttendeeJoined(meeting, attendee));
  }

  @Override
  public void onAttendeeLeft(Meeting meeting, Attendee attendee, boolean dropped) {
    each(l -> l.onAttendeeLeft(meeting, attendee, dropped));
  }

  @Override
  public void onAttendeePromoted(Meeting replica, Attendee viewer, Attendee primaryAttendee) {
    each(l -> l.onAttendeePromoted(replica, viewer, primaryAttendee));
  }

  @Override
  public void onAttendeeDemoted(
      Meeting replica, Attendee viewer, Attendee primaryAttendee, String reason) {
    each(l -> l.onAttendeeDemoted(replica, viewer, primaryAttendee, reason));
  }

  @Override
  public void onTranscriptionChanged(Meeting meeting, boolean started, String languageCode) {
    each(l -> l.onTranscriptionChanged(meeting, started, languageCode));
  }
}
