package dev.podium.app.client;

import dev.podium.server.protocol.ClientMessage;
import dev.podium.server.protocol.ServerMessage;
import dev.podium.server.protocol.ServerMessage.AttendeeInfo;
import dev.podium.server.protocol.ServerMessage.Hand;
import dev.podium.server.protocol.StatusCode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Promotion and the webinar workflow on the control thread: a replica viewer does not send its
 * microphone until promoted (no device is opened for a spectator); promotion turns the microphone
 * on and renegotiates, demotion (by request, by the server, or on any disconnection — the seed's
 * rule) turns it off again. Also raise hand, host actions, the hand queue and stage invitations.
 */
final class StageControl {
  private static final Logger LOG = LoggerFactory.getLogger(StageControl.class);

  private final SessionCore core;
  private volatile boolean replica;
  private volatile AttendeeInfo promotedAs;
  private volatile List<Hand> hands = List.of();

  /** Demoted locally on a disconnection: the server's own DEMOTED_ON_DISCONNECT is expected. */
  private boolean serverDemotionPending;

  StageControl(SessionCore core) {
    this.core = core;
  }

  boolean isReplica() {
    return replica;
  }

  AttendeeInfo promotedAs() {
    return promotedAs;
  }

  List<Hand> hands() {
    return hands;
  }

  /** Whether this attendee speaks: an attendee of the meeting itself, or a promoted viewer. */
  boolean mayUseMicrophone() {
    return !replica || promotedAs != null;
  }

  boolean isMe(String attendeeId) {
    AttendeeInfo me = core.self;
    AttendeeInfo stageMe = promotedAs;
    return (me != null && me.attendeeId().equals(attendeeId))
        || (stageMe != null && stageMe.attendeeId().equals(attendeeId));
  }

  void joined(ServerMessage.Joined joined) {
    replica = joined.meeting() != null && joined.meeting().primaryMeetingId() != null;
    if (!joined.resumed()) {
      promotedAs = null;
      serverDemotionPending = false;
    }
  }

  // =================================================================== promotion

  void promote(PromotionCredentials credentials, CompletableFuture<MeetingSessionStatus> result) {
    SignalingClient client = core.signaling;
    if (client == null || !client.isOpen() || core.state != SessionCore.State.STARTED) {
      core.events.complete(result, SessionCore.notConnected());
      return;
    }
    client
        .request(new ClientMessage.Promote(core.nextId(), credentials.joinToken()))
        .orTimeout(core.options.operationTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .whenComplete(
            (reply, error) -> {
              // Usually runs on the WebSocket thread as the reply arrives, so the task is queued
              // before the video-availability that follows it. If the reply came before this
              // callback was attached, it runs at once on the control thread, where queueing
              // would put it behind that video-availability: handle it now instead.
              if (reply instanceof ServerMessage.Promoted promoted) {
                if (core.onControlThread()) {
                  promoted(promoted, result);
                } else {
                  core.onControl(() -> promoted(promoted, result));
                }
              } else {
                core.events.complete(result, SessionCore.statusOf(reply, error));
              }
            });
  }

  private void promoted(
      ServerMessage.Promoted promoted, CompletableFuture<MeetingSessionStatus> result) {
    if (core.state == SessionCore.State.STOPPED) {
      core.events.complete(result, SessionCore.notConnected());
      return;
    }
    promotedAs = promoted.as();
    serverDemotionPending = false;
    LOG.info("{}: promoted as {}", core.name, promoted.as().attendeeId());
    MeetingSessionStatus ok = MeetingSessionStatus.ok();
    core.events.emit(o -> o.onPromoted(ok));
    core.media.setSendingAudio(true);
    core.events.complete(result, ok);
  }

  void demote(CompletableFuture<MeetingSessionStatus> result) {
    core.requestToServer(new ClientMessage.Demote(core.nextId()), result);
  }

  /** The server demoted this connection (it asked, a host, DeleteAttendee, a disconnection). */
  void demoted(ServerMessage.Demoted demoted) {
    if (promotedAs == null) {
      if (serverDemotionPending && demoted.code() == StatusCode.DEMOTED_ON_DISCONNECT) {
        serverDemotionPending = false; // already told locally when the connection dropped
      } else {
        LOG.debug("{}: demoted while not promoted: {}", core.name, demoted.code());
      }
      return;
    }
    promotedAs = null;
    MeetingSessionStatus status = MeetingSessionStatus.of(demoted.code(), demoted.message());
    core.events.emit(o -> o.onDemoted(status));
    core.media.setSendingAudio(false);
  }

  /**
   * A disconnection (WebSocket drop or failed media connection): the server demotes a promoted
   * viewer then, so the session counts itself demoted at once; the app must promote again.
   */
  void lostConnection(String why) {
    if (promotedAs == null) {
      return;
    }
    promotedAs = null;
    serverDemotionPending = true;
    MeetingSessionStatus status = MeetingSessionStatus.of(StatusCode.DEMOTED_ON_DISCONNECT, why);
    core.events.emit(o -> o.onDemoted(status));
    core.media.demotedWhileDisconnected();
  }

  // =================================================================== webinar

  void setHandRaised(boolean raised, CompletableFuture<MeetingSessionStatus> result) {
    core.requestToServer(new ClientMessage.RaiseHand(core.nextId(), raised), result);
  }

  void hostAction(
      String action, String attendeeId, CompletableFuture<MeetingSessionStatus> result) {
    Objects.requireNonNull(attendeeId, "attendeeId");
    core.requestToServer(new ClientMessage.HostAction(core.nextId(), action, attendeeId), result);
  }

  /** A host brought this viewer to the stage: tell observers, and promote if configured to. */
  void invited(ServerMessage.StageInvitation invitation) {
    PromotionCredentials credentials =
        new PromotionCredentials(invitation.attendeeId(), null, invitation.joinToken());
    core.events.emit(o -> o.onStageInvitationReceived(credentials));
    if (core.options.autoAcceptStageInvitation()) {
      CompletableFuture<MeetingSessionStatus> result = new CompletableFuture<>();
      result.thenAccept(
          s -> {
            if (!s.isOk()) {
              LOG.warn("{}: accepting the stage invitation failed: {}", core.name, s);
            }
          });
      promote(credentials, result);
    }
  }

  /** Hosts: the full queue of raised hands; observers get it and each hand raised or lowered. */
  void handQueue(ServerMessage.HandQueue queue) {
    List<Hand> now = queue.hands() == null ? List.of() : List.copyOf(queue.hands());
    Map<String, Hand> before = new HashMap<>();
    for (Hand h : hands) {
      before.put(h.attendeeId(), h);
    }
    hands = now;
    core.events.emit(o -> o.onHandQueueChanged(now));
    for (Hand h : now) {
      if (before.remove(h.attendeeId()) == null) {
        AttendeeInfo viewer = new AttendeeInfo(h.attendeeId(), h.externalUserId(), "viewer", false);
        core.events.emit(o -> o.onHandRaised(viewer, true));
      }
    }
    for (Hand h : before.values()) {
      AttendeeInfo viewer = new AttendeeInfo(h.attendeeId(), h.externalUserId(), "viewer", false);
      core.events.emit(o -> o.onHandRaised(viewer, false));
    }
  }
}
