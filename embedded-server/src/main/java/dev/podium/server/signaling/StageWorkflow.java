package dev.podium.server.signaling;

import dev.podium.server.meeting.AttendeeId;
import dev.podium.server.meeting.AttendeeRole;
import dev.podium.server.protocol.ClientMessage;
import dev.podium.server.protocol.ServerMessage;
import dev.podium.server.protocol.StatusCode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The webinar workflow of a primary room and its replicas (a Podium extension of the seeds): raised
 * hands, the hosts' queue and audience counts, bringing a viewer to the stage with private primary
 * credentials, sending back, and hosts muting or removing presenters. Holds the group lock like
 * {@link Room}.
 */
final class StageWorkflow {
  private final Room room;

  StageWorkflow(Room room) {
    this.room = room;
  }

  ServerMessage raiseHand(Participant viewer, ClientMessage.RaiseHand request) {
    synchronized (room.lock) {
      if (!room.isReplica() || viewer.promotion != null) {
        return Room.status(
            request.requestId(),
            StatusCode.NOT_A_REPLICA_ATTENDEE,
            "only audience members raise hands");
      }
      long raisedAt = request.raised() ? System.currentTimeMillis() : 0;
      if ((viewer.handRaisedAt != 0) != request.raised()) {
        viewer.handRaisedAt = raisedAt;
        sendHandQueueToHosts();
      }
      return Room.status(
          request.requestId(), StatusCode.OK, request.raised() ? "hand raised" : "lowered");
    }
  }

  ServerMessage.HandQueue handQueue() {
    List<ServerMessage.Hand> hands = new ArrayList<>();
    for (Room replica : room.group().replicas) {
      for (Participant p : replica.participants.values()) {
        if (p.handRaisedAt != 0 && p.promotion == null) {
          hands.add(
              new ServerMessage.Hand(
                  p.attendeeId(),
                  p.attendee.externalUserId(),
                  replica.meeting.meetingId().toString(),
                  p.handRaisedAt));
        }
      }
    }
    hands.sort(Comparator.comparingLong(ServerMessage.Hand::raisedAtMs));
    return new ServerMessage.HandQueue(hands);
  }

  ServerMessage.Audience audience() {
    Room group = room.group();
    int viewers = 0;
    for (Room replica : group.replicas) {
      viewers += replica.participants.size();
    }
    return new ServerMessage.Audience(group.replicas.size(), viewers);
  }

  void sendHandQueueToHosts() {
    Room group = room.group();
    ServerMessage.HandQueue queue = handQueue();
    for (Participant p : group.participants.values()) {
      if (p.attendee.role() == AttendeeRole.HOST) {
        p.send(queue);
      }
    }
  }

  void sendAudienceToHosts() {
    Room group = room.group();
    ServerMessage.Audience audience = audience();
    for (Participant p : group.participants.values()) {
      if (p.attendee.role() == AttendeeRole.HOST) {
        p.send(audience);
      }
    }
  }

  /** A host acts on another attendee (see {@link ClientMessage.HostAction}). */
  ServerMessage hostAction(Participant host, ClientMessage.HostAction action) {
    String requestId = action.requestId();
    if (room.isReplica() || host.attendee.role() != AttendeeRole.HOST) {
      return Room.status(
          requestId, StatusCode.NOT_A_HOST, "only hosts of the primary meeting may do this");
    }
    String target = action.attendeeId() == null ? "" : action.attendeeId();
    switch (action.action() == null ? "" : action.action()) {
      case "bring-to-stage":
        return bringToStage(requestId, target);
      case "dismiss":
        synchronized (room.lock) {
          Participant viewer = findViewer(target);
          if (viewer == null || viewer.handRaisedAt == 0) {
            return Room.status(
                requestId, StatusCode.ATTENDEE_NOT_FOUND, "no raised hand " + target);
          }
          viewer.handRaisedAt = 0;
          sendHandQueueToHosts();
          return Room.status(requestId, StatusCode.OK, "dismissed");
        }
      case "send-back":
        synchronized (room.lock) {
          Participant viewer = findPromoted(target);
          if (viewer == null) {
            return Room.status(
                requestId, StatusCode.ATTENDEE_NOT_FOUND, "no promoted attendee " + target);
          }
          room.roomOf(viewer)
              .promotions
              .demote(viewer, StatusCode.DEMOTED_BY_SERVER, "a host sent you back");
          return Room.status(requestId, StatusCode.OK, "sent back");
        }
      case "mute":
        synchronized (room.lock) {
          Participant presenter = findPresenter(target);
          if (presenter == null) {
            return Room.status(requestId, StatusCode.ATTENDEE_NOT_FOUND, "no presenter " + target);
          }
          presenter.muted = true;
          room.audio.setMuted(target, true);
          room.broadcastGroup(new ServerMessage.MuteState(target, true), null);
        }
        return Room.status(requestId, StatusCode.OK, "muted");
      case "remove":
        synchronized (room.lock) {
          if (findPresenter(target) == null) {
            return Room.status(requestId, StatusCode.ATTENDEE_NOT_FOUND, "no presenter " + target);
          }
        }
        room.rooms.meetings().deleteAttendee(room.meeting.meetingId(), AttendeeId.parse(target));
        return Room.status(requestId, StatusCode.OK, "removed");
      case "start-transcription":
        try {
          room.startTranscription("en-US");
          return Room.status(requestId, StatusCode.OK, "captions started");
        } catch (dev.podium.server.transcription.TranscriptionException e) {
          return Room.status(requestId, StatusCode.INTERNAL_ERROR, e.getMessage());
        }
      case "stop-transcription":
        room.stopTranscription();
        return Room.status(requestId, StatusCode.OK, "captions stopped");
      default:
        return Room.status(
            requestId,
            StatusCode.BAD_REQUEST,
            "action must be bring-to-stage, dismiss, send-back, mute, remove, start-transcription"
                + " or stop-transcription");
    }
  }

  private ServerMessage bringToStage(String requestId, String viewerAttendeeId) {
    Participant viewer;
    synchronized (room.lock) {
      viewer = findViewer(viewerAttendeeId);
      if (viewer == null) {
        return Room.status(
            requestId, StatusCode.ATTENDEE_NOT_FOUND, "no viewer " + viewerAttendeeId);
      }
      viewer.handRaisedAt = 0;
      sendHandQueueToHosts();
    }
    Participant.StageCredentials credentials = room.rooms.stageCredentialsFor(room.meeting, viewer);
    viewer.send(
        new ServerMessage.StageInvitation(
            room.meeting.meetingId().toString(),
            credentials.attendeeId(),
            credentials.joinToken()));
    return Room.status(requestId, StatusCode.OK, "invited to the stage");
  }

  private Participant findViewer(String attendeeId) {
    for (Room replica : room.replicas) {
      for (Participant p : replica.participants.values()) {
        if (p.attendeeId().equals(attendeeId)) {
          return p;
        }
      }
    }
    return null;
  }

  private Participant findPromoted(String primaryAttendeeId) {
    for (Map.Entry<AttendeeId, Participant> e : room.promoted.entrySet()) {
      if (e.getKey().toString().equals(primaryAttendeeId)) {
        return e.getValue();
      }
    }
    return null;
  }

  private Participant findPresenter(String attendeeId) {
    for (Participant p : room.participants.values()) {
      if (p.attendeeId().equals(attendeeId)) {
        return p;
      }
    }
    return findPromoted(attendeeId);
  }
}
