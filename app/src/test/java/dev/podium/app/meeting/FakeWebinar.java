package dev.podium.app.meeting;

import dev.podium.app.client.MeetingSessionStatus;
import dev.podium.server.protocol.ServerMessage.AttendeeInfo;
import dev.podium.server.protocol.ServerMessage.Hand;
import dev.podium.server.protocol.ServerMessage.PresenceState;
import dev.podium.server.protocol.StatusCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stand-in for the server's webinar workflow (docs/signaling.md "Webinar workflow") linking fake
 * gateways: viewers raise hands, hosts see the queue, bring-to-stage invites (accepting promotes),
 * send-back demotes, chat reaches everyone but is refused for unpromoted viewers (NOT_PERMITTED).
 */
public final class FakeWebinar {
  private final List<FakeMeetingGateway> members = new ArrayList<>();
  private final Map<String, Hand> hands = new LinkedHashMap<>();
  private final Map<FakeMeetingGateway, String> promotedIds = new LinkedHashMap<>();
  private final java.util.Set<FakeMeetingGateway> invited = new java.util.HashSet<>();
  private int promotions;

  public synchronized FakeMeetingGateway join(FakeMeetingGateway gateway) {
    gateway.webinar = this;
    members.add(gateway);
    return gateway;
  }

  /** Announces everyone on the stage to everyone (as joined presence), like a server at join. */
  public synchronized void announcePresence() {
    for (FakeMeetingGateway to : members) {
      for (FakeMeetingGateway who : members) {
        if (who != to && !who.self().isViewer()) {
          AttendeeInfo info =
              new AttendeeInfo(who.self().attendeeId(), who.self().name(), who.self().role(), true);
          to.fire(l -> l.onAttendeePresence(info, PresenceState.JOINED));
        }
      }
    }
  }

  private boolean onStage(FakeMeetingGateway g) {
    return !g.self().isViewer() || promotedIds.containsKey(g);
  }

  synchronized MeetingSessionStatus chat(FakeMeetingGateway from, String text) {
    if (!onStage(from)) {
      return MeetingSessionStatus.of(StatusCode.NOT_PERMITTED, "viewers cannot send");
    }
    for (FakeMeetingGateway to : members) {
      if (to != from) {
        to.receiveChat(from.self().attendeeId(), from.self().name(), text);
      }
    }
    return MeetingSessionStatus.ok();
  }

  synchronized MeetingSessionStatus hand(FakeMeetingGateway viewer, boolean raised) {
    if (!viewer.self().isViewer()) {
      return MeetingSessionStatus.of(StatusCode.NOT_A_REPLICA_ATTENDEE, "not a viewer");
    }
    if (raised) {
      hands.put(
          viewer.self().attendeeId(),
          new Hand(
              viewer.self().attendeeId(), viewer.self().name(), "R1", System.currentTimeMillis()));
    } else {
      hands.remove(viewer.self().attendeeId());
    }
    publishHands();
    return MeetingSessionStatus.ok();
  }

  private void publishHands() {
    List<Hand> queue = List.copyOf(hands.values());
    for (FakeMeetingGateway g : members) {
      if (g.self().isHost()) {
        g.fire(l -> l.onHandQueue(queue));
      }
    }
  }

  synchronized MeetingSessionStatus hostAction(
      FakeMeetingGateway host, HostAction action, String attendeeId) {
    if (!host.self().isHost()) {
      return MeetingSessionStatus.of(StatusCode.NOT_A_HOST, "not a host");
    }
    FakeMeetingGateway target = byAttendee(attendeeId);
    if (target == null) {
      return MeetingSessionStatus.of(StatusCode.ATTENDEE_NOT_FOUND, "no such attendee");
    }
    switch (action) {
      case BRING_TO_STAGE -> {
        hands.remove(target.self().attendeeId());
        publishHands();
        invited.add(target);
        target.fire(MeetingEvents::onStageInvitation);
      }
      case DISMISS -> {
        hands.remove(target.self().attendeeId());
        publishHands();
      }
      case SEND_BACK -> {
        return demote(target, StatusCode.DEMOTED_BY_SERVER);
      }
      case MUTE -> target.fire(l -> l.onMuteStateChanged(attendeeId, true));
      case REMOVE ->
          target.fire(
              l ->
                  l.onSessionEnded(
                      MeetingSessionStatus.of(StatusCode.ATTENDEE_REMOVED, "removed")));
    }
    return MeetingSessionStatus.ok();
  }

  /** A viewer accepts its stage invitation: promoted as a new primary attendee "P-n". */
  synchronized MeetingSessionStatus accept(FakeMeetingGateway target) {
    if (!invited.remove(target)) {
      return MeetingSessionStatus.of(StatusCode.PROMOTION_REJECTED, "not invited");
    }
    String primaryId = "P-" + (++promotions);
    promotedIds.put(target, primaryId);
    AttendeeInfo as = new AttendeeInfo(primaryId, target.self().name(), "presenter", true);
    target.fire(l -> l.onPromoted(as));
    for (FakeMeetingGateway g : members) {
      if (g != target && onStage(g)) {
        g.fire(l -> l.onAttendeePresence(as, PresenceState.JOINED));
      }
    }
    return MeetingSessionStatus.ok();
  }

  synchronized MeetingSessionStatus demote(FakeMeetingGateway target, StatusCode why) {
    String primaryId = promotedIds.remove(target);
    if (primaryId == null) {
      return MeetingSessionStatus.of(StatusCode.NOT_PROMOTED, "not promoted");
    }
    target.fire(l -> l.onDemoted(MeetingSessionStatus.of(why, why.name())));
    AttendeeInfo gone = new AttendeeInfo(primaryId, target.self().name(), "presenter", true);
    for (FakeMeetingGateway g : members) {
      if (g != target && onStage(g)) {
        g.fire(l -> l.onAttendeePresence(gone, PresenceState.LEFT));
      }
    }
    return MeetingSessionStatus.ok();
  }

  private FakeMeetingGateway byAttendee(String attendeeId) {
    for (Map.Entry<FakeMeetingGateway, String> e : promotedIds.entrySet()) {
      if (e.getValue().equals(attendeeId)) {
        return e.getKey();
      }
    }
    for (FakeMeetingGateway g : members) {
      if (g.self().attendeeId().equals(attendeeId)) {
        return g;
      }
    }
    return null;
  }
}
