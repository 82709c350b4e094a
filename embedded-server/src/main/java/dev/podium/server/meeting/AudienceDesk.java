package dev.podium.server.meeting;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The audience link of a webinar (a Podium extension): gives each arriving viewer an attendee in
 * the least-loaded replica of the primary with room, creating replicas up to the quota when all are
 * full. Load is the number of (not deleted) attendees of a replica, so viewers who have their
 * credentials but have not connected yet count too. Links are kept in memory: after a restart the
 * host enables the link again.
 */
public final class AudienceDesk {
  private final MeetingService meetings;
  private final Map<MeetingId, Link> links = new ConcurrentHashMap<>();

  public AudienceDesk(MeetingService meetings) {
    this.meetings = meetings;
    meetings.addListener(
        new MeetingListener() {
          @Override
          public void onAttendeeDeleted(Attendee attendee) {}

          @Override
          public void onMeetingDeleted(Meeting meeting, MeetingDeletionReason reason) {
            links.remove(meeting.meetingId());
          }
        });
  }

  /** Opens (or re-opens) the audience link of a primary; {@code passcode} may be null. */
  public void open(MeetingId primaryId, String passcode) {
    Meeting primary = meetings.getMeeting(primaryId);
    if (primary.isReplica()) {
      throw new MeetingServiceException(
          MeetingErrorKind.BAD_REQUEST,
          "an audience link belongs to a primary meeting, not a replica");
    }
    links.put(primaryId, new Link(passcode == null || passcode.isEmpty() ? null : hash(passcode)));
  }

  public void close(MeetingId primaryId) {
    links.remove(primaryId);
  }

  public Optional<Boolean> passcodeRequired(MeetingId primaryId) {
    Link link = links.get(primaryId);
    return link == null ? Optional.empty() : Optional.of(link.passcodeHash() != null);
  }

  /** A seat for one arriving viewer: the replica and its credentials. */
  public record Seat(Meeting replica, CreatedAttendee attendee) {}

  /**
   * Seats a viewer.
   *
   * @throws MeetingServiceException NOT_FOUND without an open link, FORBIDDEN for a wrong passcode,
   *     LIMIT_EXCEEDED when every replica is full and no more may be created
   */
  public Seat admit(MeetingId primaryId, String passcode, String externalUserId) {
    Link link = links.get(primaryId);
    if (link == null) {
      throw new MeetingServiceException(
          MeetingErrorKind.NOT_FOUND, "this webinar has no open audience link");
    }
    if (link.passcodeHash() != null
        && (passcode == null || !MessageDigest.isEqual(link.passcodeHash(), hash(passcode)))) {
      throw new MeetingServiceException(MeetingErrorKind.FORBIDDEN, "the passcode is not right");
    }
    String name =
        externalUserId == null || externalUserId.isBlank()
            ? "viewer-" + UUID.randomUUID().toString().substring(0, 8)
            : externalUserId;
    synchronized (link) {
      Meeting replica = leastLoadedWithRoom(primaryId);
      if (replica == null) {
        if (meetings.replicasOf(primaryId).size() >= meetings.limits().maxReplicasPerPrimary()) {
          throw new MeetingServiceException(
              MeetingErrorKind.LIMIT_EXCEEDED, "the webinar is full: every replica is at capacity");
        }
        replica = meetings.createMeeting(MeetingSpec.replicaOf(primaryId));
      }
      return new Seat(replica, meetings.createAttendee(replica.meetingId(), AttendeeSpec.of(name)));
    }
  }

  private Meeting leastLoadedWithRoom(MeetingId primaryId) {
    List<Meeting> replicas = meetings.replicasOf(primaryId);
    return replicas.stream()
        .filter(r -> meetings.attendeeCount(r.meetingId()) < meetings.capacity(r.meetingId()))
        .min(Comparator.comparingInt(r -> meetings.attendeeCount(r.meetingId())))
        .orElse(null);
  }

  private static byte[] hash(String passcode) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(passcode.getBytes(StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private record Link(byte[] passcodeHash) {}
}
