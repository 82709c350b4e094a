package dev.podium.server.signaling;

import dev.podium.media.routing.Producer;
import dev.podium.media.session.MediaSession;
import dev.podium.server.meeting.Attendee;
import dev.podium.server.meeting.AttendeeId;
import dev.podium.server.meeting.AuthenticationFailure;
import dev.podium.server.meeting.AuthenticationResult;
import dev.podium.server.meeting.ConnectResult;
import dev.podium.server.protocol.ClientMessage;
import dev.podium.server.protocol.ServerMessage;
import dev.podium.server.protocol.ServerMessage.PresenceState;
import dev.podium.server.protocol.StatusCode;

/**
 * Promotion of a replica viewer onto its primary's stage over the same connection, and its three
 * ways back (seed 001): the client's request, DeleteAttendee of the primary credentials (or a host
 * sending it back), and any disconnection. Promotion pipes the viewer's producers into the primary
 * router under its primary identity; demotion closes those pipes. Holds the group lock.
 */
final class Promotions {
  private final Room room;

  Promotions(Room room) {
    this.room = room;
  }

  /**
   * A replica attendee asks to join the primary's stage with primary credentials. Returns the
   * refusal, or null after sending {@code promoted} then {@code video-availability}.
   */
  ServerMessage promote(Participant viewer, ClientMessage.Promote request) {
    synchronized (room.lock) {
      String requestId = request.requestId();
      if (!room.isReplica()) {
        return Room.status(
            requestId,
            StatusCode.NOT_A_REPLICA_ATTENDEE,
            "this attendee joined the primary meeting directly");
      }
      if (viewer.promotion != null) {
        return Room.status(requestId, StatusCode.ALREADY_PROMOTED, "already promoted");
      }
      var result =
          room.rooms
              .meetings()
              .authenticate(room.primary().meeting.meetingId(), request.joinToken());
      if (result instanceof AuthenticationResult.Refused refused) {
        return refused.reason() == AuthenticationFailure.WRONG_MEETING
            ? Room.status(
                requestId,
                StatusCode.PROMOTION_WRONG_PRIMARY,
                "the credentials are not for this replica's primary meeting")
            : Room.status(
                requestId, StatusCode.PROMOTION_REJECTED, "the credentials are not valid");
      }
      Attendee primaryAttendee = ((AuthenticationResult.Authenticated) result).attendee();
      if (room.primary().participants.containsKey(primaryAttendee.attendeeId())
          || room.primary().promoted.containsKey(primaryAttendee.attendeeId())) {
        return Room.status(
            requestId,
            StatusCode.PROMOTION_REJECTED,
            "these credentials are already in use in the primary meeting");
      }
      if (room.rooms.meetings().tryConnect(primaryAttendee) != ConnectResult.CONNECTED) {
        return Room.status(
            requestId, StatusCode.PRIMARY_AT_CAPACITY, "the primary meeting is full");
      }
      viewer.promotion = new Participant.Promotion(primaryAttendee, room.primary());
      viewer.handRaisedAt = 0;
      room.primary().promoted.put(primaryAttendee.attendeeId(), viewer);
      viewer.media.setSendPermitted(true);
      MediaSession media = viewer.media;
      room.router.execute(() -> pipeViewerIntoPrimary(media));
      room.broadcastGroup(Room.presence(primaryAttendee, PresenceState.JOINED), viewer);
      room.stage.sendHandQueueToHosts();
      viewer.send(new ServerMessage.Promoted(requestId, Room.info(primaryAttendee, viewer.muted)));
      // What the viewer already sends takes the primary's slots now, if there are any left.
      VideoSlots.Grant grant = room.primary().videoSlots.grant(viewer, viewer.offered);
      if (!grant.cameraRefused()) {
        viewer.send(new ServerMessage.VideoAvailability(room.canStartLocalVideo(viewer)));
      }
      room.rooms
          .meetings()
          .events()
          .onAttendeePromoted(room.meeting, viewer.attendee, primaryAttendee);
      Room.log.info("viewer {} promoted as {}", viewer.attendeeId(), primaryAttendee.attendeeId());
      room.updateListener(viewer);
      return null;
    }
  }

  /**
   * Media loop: publish the promoted viewer's producers into the primary router: its microphone,
   * and the video (and content audio) m-lines that hold a slot of the primary.
   */
  void pipeViewerIntoPrimary(MediaSession media) {
    synchronized (room.lock) {
      Participant viewer = room.rooms.participantOfSession(media.id());
      if (viewer == null || viewer.promotion == null) {
        return;
      }
      for (Producer producer : room.router.producers()) {
        if (producer.upstream() == null
            && producer.ownerId().equals(media.id())
            && holdsSlot(viewer, producer)) {
          pipe(producer);
        }
      }
    }
  }

  private static boolean holdsSlot(Participant viewer, Producer producer) {
    String mid = producer.id().substring(producer.id().lastIndexOf('/') + 1);
    if (viewer.cameraGrants.contains(mid) || viewer.contentGrants.contains(mid)) {
      return true;
    }
    return producer.kind() == dev.podium.media.routing.MediaKind.AUDIO
        && !viewer.offered.isContent(mid);
  }

  private void pipe(Producer producer) {
    String id = Room.PROMOTED_PREFIX + producer.id();
    if (room.primary().router.producer(id) == null && !room.primary().router.isClosed()) {
      room.primary().router.pipeFrom(producer, id);
    }
  }

  /** Ends a promotion (no-op if not promoted); tells the client unless it is gone. */
  void demote(Participant viewer, StatusCode code, String message) {
    synchronized (room.lock) {
      Participant.Promotion promotion = viewer.promotion;
      if (promotion == null) {
        return;
      }
      viewer.promotion = null;
      Room primaryRoom = promotion.primaryRoom();
      primaryRoom.promoted.remove(promotion.primaryAttendee().attendeeId());
      primaryRoom.videoSlots.release(viewer);
      room.rooms.meetings().disconnected(promotion.primaryAttendee());
      MediaSession media = viewer.media;
      if (media != null) {
        media.setSendPermitted(false);
        room.router.execute(
            () -> {
              for (Producer producer : primaryRoom.router.producers()) {
                if (producer.origin().ownerId().equals(media.id())) {
                  primaryRoom.router.closeProducer(producer);
                }
              }
            });
      }
      room.broadcastGroup(Room.presence(promotion.primaryAttendee(), PresenceState.LEFT), viewer);
      ServerMessage.Demoted demoted = new ServerMessage.Demoted(code, message);
      if (viewer.isConnected()) {
        viewer.send(demoted);
        viewer.send(new ServerMessage.VideoAvailability(false));
      } else if (!viewer.gone) {
        viewer.untoldDemotion = demoted;
      }
      room.rooms
          .meetings()
          .events()
          .onAttendeeDemoted(
              room.meeting, viewer.attendee, promotion.primaryAttendee(), code.name());
      Room.log.info("viewer {} demoted: {}", viewer.attendeeId(), code);
      room.updateListener(viewer);
    }
  }

  /** Primary: DeleteAttendee of a promoted viewer's primary credentials demotes it. */
  boolean demotePromoted(AttendeeId primaryAttendeeId, StatusCode code, String message) {
    synchronized (room.lock) {
      Participant viewer = room.promoted.get(primaryAttendeeId);
      if (viewer == null) {
        return false;
      }
      room.roomOf(viewer).promotions.demote(viewer, code, message);
      return true;
    }
  }
}
