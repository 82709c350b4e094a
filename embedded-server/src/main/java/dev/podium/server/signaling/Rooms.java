package dev.podium.server.signaling;

import dev.podium.media.MediaEngine;
import dev.podium.server.meeting.Attendee;
import dev.podium.server.meeting.Meeting;
import dev.podium.server.meeting.MeetingDeletionReason;
import dev.podium.server.meeting.MeetingId;
import dev.podium.server.meeting.MeetingListener;
import dev.podium.server.meeting.MeetingService;
import dev.podium.server.protocol.SignalCodec;
import dev.podium.server.protocol.StatusCode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The live rooms of the server, one per meeting with someone joined. Listens to the meeting service
 * so that DeleteAttendee and DeleteMeeting disconnect people at once.
 */
public final class Rooms implements MeetingListener, AutoCloseable {
  private final MeetingService meetings;
  private final MediaEngine engine;
  private final SignalCodec codec = new SignalCodec();
  private final Map<MeetingId, Room> rooms = new ConcurrentHashMap<>();
  private final ScheduledExecutorService timers =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "podium-signaling-timers");
            t.setDaemon(true);
            return t;
          });

  public Rooms(MeetingService meetings, MediaEngine engine) {
    this.meetings = meetings;
    this.engine = engine;
    meetings.addListener(this);
  }

  MeetingService meetings() {
    return meetings;
  }

  SignalCodec codec() {
    return codec;
  }

  Room room(Meeting meeting) {
    return rooms.computeIfAbsent(
        meeting.meetingId(),
        id -> new Room(meeting, engine, meetings, codec, timers, System::currentTimeMillis));
  }

  Optional<Room> find(MeetingId meetingId) {
    return Optional.ofNullable(rooms.get(meetingId));
  }

  /** Joined participants over all rooms. */
  public int participantCount() {
    return rooms.values().stream().mapToInt(Room::size).sum();
  }

  @Override
  public void onAttendeeDeleted(Attendee attendee) {
    Room room = rooms.get(attendee.meetingId());
    if (room != null) {
      room.removeAttendee(
          attendee.attendeeId(), StatusCode.ATTENDEE_REMOVED, "the attendee was removed");
    }
  }

  @Override
  public void onMeetingDeleted(Meeting meeting, MeetingDeletionReason reason) {
    Room room = rooms.remove(meeting.meetingId());
    if (room != null) {
      room.close(StatusCode.MEETING_ENDED, "the meeting has ended");
    }
  }

  /** Tells everyone the server is stopping and closes every room. */
  @Override
  public void close() {
    meetings.removeListener(this);
    for (Room room : List.copyOf(rooms.values())) {
      room.close(StatusCode.SERVER_SHUTTING_DOWN, "the server is shutting down");
    }
    rooms.clear();
    timers.shutdownNow();
  }
}
