package dev.podium.server.meeting;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The live state of one meeting inside {@link MeetingService}; guarded by the service's lock. */
final class MeetingState {
  final Meeting meeting;
  final TreeMap<Long, StoredAttendee> bySequence = new TreeMap<>();
  final Map<AttendeeId, Long> sequenceById = new HashMap<>();
  final Map<String, AttendeeId> byExternalUserId = new HashMap<>();
  final Set<AttendeeId> connected = new HashSet<>();
  final Set<MeetingId> replicas = new LinkedHashSet<>();

  /** When the meeting last became empty of connections; null while someone is connected. */
  Instant idleSince;

  MeetingState(Meeting meeting, Instant idleSince) {
    this.meeting = meeting;
    this.idleSince = idleSince;
  }

  void add(StoredAttendee stored) {
    Attendee attendee = stored.attendee();
    bySequence.put(stored.sequence(), stored);
    sequenceById.put(attendee.attendeeId(), stored.sequence());
    byExternalUserId.put(attendee.externalUserId(), attendee.attendeeId());
  }

  StoredAttendee get(AttendeeId attendeeId) {
    Long sequence = sequenceById.get(attendeeId);
    return sequence == null ? null : bySequence.get(sequence);
  }

  StoredAttendee remove(AttendeeId attendeeId) {
    Long sequence = sequenceById.remove(attendeeId);
    if (sequence == null) {
      return null;
    }
    StoredAttendee stored = bySequence.remove(sequence);
    byExternalUserId.remove(stored.attendee().externalUserId());
    connected.remove(attendeeId);
    return stored;
  }

  void replace(StoredAttendee stored) {
    bySequence.put(stored.sequence(), stored);
  }

  int capacity(MeetingLimits limits) {
    return Math.min(limits.maxConnectedAttendees(), meeting.features().attendeeMaxCount());
  }
}
