package dev.podium.server.signaling;

import dev.podium.media.audio.AudioLevel;
import dev.podium.media.audio.AudioLevels;
import dev.podium.media.audio.AudioMixer;
import dev.podium.media.audio.AudioMixerConfig;
import dev.podium.media.audio.MeetingAudio;
import dev.podium.media.audio.OpusCodecs;
import dev.podium.media.routing.MediaKind;
import dev.podium.media.routing.Producer;
import dev.podium.media.routing.Router;
import dev.podium.media.routing.RouterListener;
import dev.podium.media.session.MediaSession;
import dev.podium.media.session.MediaSessionListener;
import dev.podium.media.transport.TransportState;
import dev.podium.server.meeting.Attendee;
import dev.podium.server.meeting.AttendeeId;
import dev.podium.server.meeting.ConnectResult;
import dev.podium.server.meeting.Meeting;
import dev.podium.server.protocol.ClientMessage;
import dev.podium.server.protocol.ServerMessage;
import dev.podium.server.protocol.ServerMessage.AttendeeInfo;
import dev.podium.server.protocol.ServerMessage.PresenceState;
import dev.podium.server.protocol.ServerMessage.SourceInfo;
import dev.podium.server.protocol.SignalMessage;
import dev.podium.server.protocol.StatusCode;
import io.netty.channel.Channel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live state of one meeting: who is joined (and on which signaling channel), their media
 * sessions in the meeting's {@link Router}, presence, mute state and data messages.
 *
 * <p>Replication: a replica room mirrors its primary's producers through router pipes (one hand-off
 * per replica, not per viewer) and relays the primary's events to its viewers; nothing of a replica
 * viewer reaches anyone unless it is promoted. A primary and its replicas share one lock (the group
 * lock), so events and promotions are ordered and cannot deadlock. Nothing blocks while holding it:
 * media work hops onto the media loop.
 */
final class Room implements RouterListener {
  private static final Logger log = LoggerFactory.getLogger(Room.class);

  /** A client whose WebSocket dropped may resume its session this long. */
  static final long RESUME_WINDOW_MILLIS = 30_000;

  static final double DATA_MESSAGES_PER_SECOND = 50;
  static final double DATA_MESSAGE_BURST = 100;

  /** Seed: up to 25 video senders per meeting. */
  static final int MAX_VIDEO_SENDERS = 25;

  /** Id prefix of a promoted viewer's producers piped into the primary router. */
  private static final String PROMOTED_PREFIX = "promoted:";

  private static final SecureRandom RANDOM = new SecureRandom();

  final Meeting meeting;
  final Router router;
  final Object lock;
  private final Rooms rooms;
  private final Room primary;
  private final List<Room> replicas = new CopyOnWriteArrayList<>();
  private final Map<AttendeeId, Participant> participants = new LinkedHashMap<>();

  /** Primary only: promoted replica viewers, by their primary attendee id. */
  private final Map<AttendeeId, Participant> promoted = new LinkedHashMap<>();

  private final DataMessages data = new DataMessages();

  /** Primary only: the meeting's mixer; replicas' viewers listen to it too. */
  private final MeetingAudio audio;

  private boolean closed;

  Room(Meeting meeting, Rooms rooms, Room primary) {
    this.meeting = meeting;
    this.rooms = rooms;
    this.primary = primary;
    this.lock = primary == null ? new Object() : primary.lock;
    this.router = rooms.engine().createRouter(meeting.meetingId().toString());
    router.addListener(this);
    if (primary == null) {
      audio =
          new MeetingAudio(
              new AudioMixer(
                  mixerConfig(meeting), OpusCodecs.concentus(), System::currentTimeMillis),
              rooms.engine().eventLoop());
      audio.mixer().setLevelListener(this::onAudioLevels);
    } else {
      audio = null;
    }
  }

  /** Opus bitrate and channels from the meeting's features (32 kbps mono by default). */
  private static AudioMixerConfig mixerConfig(Meeting meeting) {
    int kbps = meeting.features().audioBitrateKbps();
    boolean stereo = meeting.features().audioStereo();
    return AudioMixerConfig.defaults()
        .withOutput(kbps > 0 ? kbps * 1000 : AudioMixerConfig.DEFAULT_BITRATE, stereo ? 2 : 1);
  }

  boolean isReplica() {
    return primary != null;
  }

  Room primary() {
    return primary;
  }

  List<Room> replicas() {
    return List.copyOf(replicas);
  }

  /** Links a replica: every producer of this primary is piped into it, now and later. */
  void attachReplica(Room replica) {
    synchronized (lock) {
      replicas.add(replica);
    }
    router.execute(
        () -> {
          for (Producer producer : router.producers()) {
            pipeInto(replica, producer);
          }
        });
  }

  void detachReplica(Room replica) {
    replicas.remove(replica);
  }

  /**
   * Media loop: mirror one primary video producer into a replica's router (idempotent). Audio is
   * not piped: replica viewers listen to the primary's mixer directly.
   */
  private static void pipeInto(Room replica, Producer producer) {
    if (producer.kind() == MediaKind.VIDEO
        && !replica.router.isClosed()
        && replica.router.producer(producer.id()) == null) {
      replica.router.pipeFrom(producer, producer.id());
    }
  }

  // ---- join, resume, leave ----

  /** Outcome of a join: the participant, or why not. */
  record JoinResult(Participant participant, StatusCode refusal, String message) {}

  JoinResult join(Attendee attendee, ClientMessage.Join join, Channel channel) {
    synchronized (lock) {
      if (closed) {
        return new JoinResult(null, StatusCode.MEETING_ENDED, "the meeting has ended");
      }
      Participant existing = participants.get(attendee.attendeeId());
      if (existing != null && join.resumeToken() != null && matches(existing, join.resumeToken())) {
        return resume(existing, join, channel);
      }
      boolean replacing = existing != null;
      if (replacing) {
        existing.end(
            new ServerMessage.Ended(
                StatusCode.JOINED_FROM_ANOTHER_CONNECTION,
                "this attendee joined from another connection"));
        demote(existing, StatusCode.DEMOTED_ON_DISCONNECT, "joined from another connection");
        discard(existing);
      } else {
        ConnectResult connect = rooms.meetings().tryConnect(attendee);
        if (connect == ConnectResult.MEETING_AT_CAPACITY) {
          return new JoinResult(
              null, StatusCode.MEETING_AT_CAPACITY, "the meeting is at capacity; try again later");
        }
        if (connect != ConnectResult.CONNECTED) {
          return new JoinResult(
              null, StatusCode.AUTHENTICATION_REJECTED, "the attendee was deleted");
        }
      }
      Participant participant =
          new Participant(
              attendee,
              newResumeToken(),
              channel,
              rooms.codec(),
              new TokenBucket(
                  DATA_MESSAGES_PER_SECOND, DATA_MESSAGE_BURST, System.currentTimeMillis()));
      participant.media = newMediaSession(participant);
      participants.put(attendee.attendeeId(), participant);
      participant.send(joined(participant, join.requestId(), false));
      for (ServerMessage.Data retained : group().data.live(System.currentTimeMillis())) {
        participant.send(retained);
      }
      if (!replacing && !isReplica()) {
        broadcastGroup(presence(participant.identity(), PresenceState.JOINED), participant);
      } else if (isReplica()) {
        sendAudienceToHosts();
      }
      if (participant.attendee.role() == dev.podium.server.meeting.AttendeeRole.HOST) {
        participant.send(handQueue());
        participant.send(audience());
      }
      log.info(
          "attendee {} joined {} {} ({} connected)",
          attendee.attendeeId(),
          isReplica() ? "replica" : "meeting",
          meeting.meetingId(),
          participants.size());
      return new JoinResult(participant, null, null);
    }
  }

  private JoinResult resume(Participant existing, ClientMessage.Join join, Channel channel) {
    if (existing.resumeDeadline != null) {
      existing.resumeDeadline.cancel(false);
      existing.resumeDeadline = null;
    }
    Channel previous = existing.channel();
    if (previous != null && previous != channel && previous.isActive()) {
      existing.end(
          new ServerMessage.Ended(
              StatusCode.JOINED_FROM_ANOTHER_CONNECTION, "resumed on another connection"));
    }
    existing.attach(channel);
    existing.send(joined(existing, join.requestId(), true));
    if (existing.untoldDemotion != null) {
      existing.send(existing.untoldDemotion);
      existing.untoldDemotion = null;
    }
    log.info("attendee {} resumed in meeting {}", existing.attendeeId(), meeting.meetingId());
    return new JoinResult(existing, null, null);
  }

  private static boolean matches(Participant participant, String resumeToken) {
    return MessageDigest.isEqual(
        participant.resumeToken.getBytes(StandardCharsets.US_ASCII),
        resumeToken.getBytes(StandardCharsets.US_ASCII));
  }

  private static String newResumeToken() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private MediaSession newMediaSession(Participant participant) {
    String sessionId = participant.attendeeId() + "." + rooms.nextSessionNumber();
    rooms.registerSession(sessionId, participant);
    MediaSession session =
        rooms
            .engine()
            .createSession(
                router,
                sessionId,
                new MediaSessionListener() {
                  @Override
                  public void onSessionClosed(MediaSession closedSession, String reason) {
                    mediaClosed(participant, closedSession, reason);
                  }
                });
    // Replica viewers may not send until promoted: their packets are dropped and counted.
    session.setSendPermitted(!isReplica());
    return session;
  }

  private void mediaClosed(Participant participant, MediaSession session, String why) {
    rooms.unregisterSession(session.id());
    synchronized (lock) {
      if (participant.media == session && !participant.gone) {
        log.info("media of attendee {} closed: {}", participant.attendeeId(), why);
        demote(participant, StatusCode.DEMOTED_ON_DISCONNECT, "the media connection closed");
      }
    }
  }

  private ServerMessage.Joined joined(Participant p, String requestId, boolean resumed) {
    return new ServerMessage.Joined(
        requestId,
        SignalMessage.PROTOCOL_VERSION,
        new ServerMessage.MeetingInfo(
            meeting.meetingId().toString(),
            meeting.externalMeetingId(),
            meeting.primary().map(Object::toString).orElse(null)),
        info(p.attendee, p.muted),
        p.resumeToken,
        resumed,
        canStartLocalVideo(p),
        group().stageAttendees(p),
        sourcesFor(p));
  }

  /** Primary only: the attendees everyone in the group sees (joined directly or promoted). */
  private List<AttendeeInfo> stageAttendees(Participant viewer) {
    List<AttendeeInfo> list = new ArrayList<>();
    for (Participant p : participants.values()) {
      if (p != viewer) {
        list.add(info(p.identity(), p.muted));
      }
    }
    for (Participant p : promoted.values()) {
      if (p != viewer) {
        list.add(info(p.identity(), p.muted));
      }
    }
    return list;
  }

  private static AttendeeInfo info(Attendee attendee, boolean muted) {
    return new AttendeeInfo(
        attendee.attendeeId().toString(),
        attendee.externalUserId(),
        attendee.role().wireName(),
        muted);
  }

  private static ServerMessage.Presence presence(Attendee who, PresenceState state) {
    return new ServerMessage.Presence(who.attendeeId().toString(), who.externalUserId(), state);
  }

  private boolean canStartLocalVideo(Participant p) {
    if (isReplica() && p.promotion == null) {
      return false;
    }
    return group().videoSenders() < MAX_VIDEO_SENDERS;
  }

  private long videoSenders() {
    return router.producers().stream().filter(pr -> pr.kind() == MediaKind.VIDEO).count();
  }

  /** The group's primary room (this one for a primary). */
  private Room group() {
    return primary != null ? primary : this;
  }

  // ---- offers ----

  /** Answers an offer; a connection whose media closed (e.g. ICE restart) gets a new one. */
  CompletableFuture<String> offer(Participant participant, ClientMessage.Offer offer) {
    MediaSession media;
    Map<String, String> bindings = new HashMap<>();
    synchronized (lock) {
      if (participant.gone) {
        return CompletableFuture.failedFuture(new IllegalStateException("not joined"));
      }
      if (participant.media.transport().state() == TransportState.CLOSED) {
        participant.media = newMediaSession(participant);
      }
      media = participant.media;
      if (offer.videoBindings() != null) {
        offer
            .videoBindings()
            .forEach(
                (mid, sourceId) -> {
                  Producer producer = router.producer(sourceId);
                  if (producer != null && producer.kind() == MediaKind.VIDEO) {
                    bindings.put(mid, sourceId);
                  }
                });
      }
      if (isReplica() && participant.promotion == null && offersVideo(offer.sdp())) {
        participant.send(new ServerMessage.VideoAvailability(false));
        participant.send(
            new ServerMessage.Status(
                null,
                StatusCode.VIDEO_SEND_UNAVAILABLE,
                "replica viewers cannot send video unless promoted"));
      }
    }
    return media
        .negotiate(offer.sdp(), bindings)
        .thenApply(
            negotiation -> {
              updateListener(participant);
              return negotiation.answerSdp();
            });
  }

  private static boolean offersVideo(String sdp) {
    try {
      return dev.podium.media.sdp.SessionDescription.parse(sdp).media().stream()
          .anyMatch(
              m ->
                  m.kind() == dev.podium.media.sdp.MediaKind.VIDEO
                      && m.port() != 0
                      && m.direction().sends());
    } catch (RuntimeException e) {
      return false; // the negotiation reports the parse error
    }
  }

  // ---- mute, data ----

  void setMute(Participant participant, boolean muted) {
    synchronized (lock) {
      if (participant.gone || participant.muted == muted) {
        return;
      }
      participant.muted = muted;
      if (!isReplica() || participant.promotion != null) {
        String speaker = participant.identity().attendeeId().toString();
        group().audio.setMuted(speaker, muted);
        broadcastGroup(new ServerMessage.MuteState(speaker, muted), participant);
      }
    }
  }

  /** Delivers a data message to the group; returns null or the refusal. */
  DataMessages.Refusal sendData(Participant sender, ClientMessage.SendData message) {
    synchronized (lock) {
      if (isReplica() && sender.promotion == null) {
        rooms.countRefusedReplicaData();
        return new DataMessages.Refusal(
            StatusCode.NOT_PERMITTED, "replica viewers cannot send data messages unless promoted");
      }
      DataMessages.Refusal refusal =
          DataMessages.validate(message.topic(), message.data(), message.lifetimeMs());
      if (refusal != null) {
        return refusal;
      }
      long now = System.currentTimeMillis();
      if (!sender.dataRate.tryTake(now)) {
        return new DataMessages.Refusal(
            StatusCode.THROTTLED,
            "more than "
                + (int) DATA_MESSAGES_PER_SECOND
                + " data messages per second; this one was not sent");
      }
      Attendee identity = sender.identity();
      ServerMessage.Data delivered =
          new ServerMessage.Data(
              message.topic(),
              message.data() == null ? "" : message.data(),
              identity.attendeeId().toString(),
              identity.externalUserId(),
              now);
      broadcastGroup(delivered, sender);
      if (message.lifetimeMs() != null) {
        group().data.retain(delivered, message.lifetimeMs(), now);
      }
      return null;
    }
  }

  /** Sends to everyone in the primary and all its replicas, except {@code except}. */
  private void broadcastGroup(ServerMessage message, Participant except) {
    Room group = group();
    group.broadcastLocal(message, except);
    for (Room replica : group.replicas) {
      replica.broadcastLocal(message, except);
    }
  }

  private void broadcastLocal(ServerMessage message, Participant except) {
    for (Participant p : participants.values()) {
      if (p != except) {
        p.send(message);
      }
    }
  }

  // ---- promotion and demotion (replica side calls, group lock) ----

  /**
   * A replica attendee asks to join the primary's stage with primary credentials. Returns the
   * refusal, or null after sending {@code promoted} then {@code video-availability}.
   */
  ServerMessage promote(Participant viewer, ClientMessage.Promote request) {
    synchronized (lock) {
      String requestId = request.requestId();
      if (!isReplica()) {
        return status(
            requestId,
            StatusCode.NOT_A_REPLICA_ATTENDEE,
            "this attendee joined the primary meeting directly");
      }
      if (viewer.promotion != null) {
        return status(requestId, StatusCode.ALREADY_PROMOTED, "already promoted");
      }
      var result = rooms.meetings().authenticate(primary.meeting.meetingId(), request.joinToken());
      if (result instanceof dev.podium.server.meeting.AuthenticationResult.Refused refused) {
        return refused.reason() == dev.podium.server.meeting.AuthenticationFailure.WRONG_MEETING
            ? status(
                requestId,
                StatusCode.PROMOTION_WRONG_PRIMARY,
                "the credentials are not for this replica's primary meeting")
            : status(requestId, StatusCode.PROMOTION_REJECTED, "the credentials are not valid");
      }
      Attendee primaryAttendee =
          ((dev.podium.server.meeting.AuthenticationResult.Authenticated) result).attendee();
      if (primary.participants.containsKey(primaryAttendee.attendeeId())
          || primary.promoted.containsKey(primaryAttendee.attendeeId())) {
        return status(
            requestId,
            StatusCode.PROMOTION_REJECTED,
            "these credentials are already in use in the primary meeting");
      }
      if (rooms.meetings().tryConnect(primaryAttendee) != ConnectResult.CONNECTED) {
        return status(requestId, StatusCode.PRIMARY_AT_CAPACITY, "the primary meeting is full");
      }
      viewer.promotion = new Participant.Promotion(primaryAttendee, primary);
      viewer.handRaisedAt = 0;
      primary.promoted.put(primaryAttendee.attendeeId(), viewer);
      viewer.media.setSendPermitted(true);
      MediaSession media = viewer.media;
      router.execute(() -> pipeViewerIntoPrimary(media));
      broadcastGroup(presence(primaryAttendee, PresenceState.JOINED), viewer);
      sendHandQueueToHosts();
      viewer.send(new ServerMessage.Promoted(requestId, info(primaryAttendee, viewer.muted)));
      viewer.send(new ServerMessage.VideoAvailability(canStartLocalVideo(viewer)));
      log.info("viewer {} promoted as {}", viewer.attendeeId(), primaryAttendee.attendeeId());
      updateListener(viewer);
      return null;
    }
  }

  /** Media loop: publish the promoted viewer's producers into the primary router. */
  private void pipeViewerIntoPrimary(MediaSession media) {
    for (Producer producer : router.producers()) {
      if (producer.upstream() == null && producer.ownerId().equals(media.id())) {
        String id = PROMOTED_PREFIX + producer.id();
        if (primary.router.producer(id) == null && !primary.router.isClosed()) {
          primary.router.pipeFrom(producer, id);
        }
      }
    }
  }

  /** Ends a promotion (no-op if not promoted); tells the client unless it is gone. */
  void demote(Participant viewer, StatusCode code, String message) {
    synchronized (lock) {
      Participant.Promotion promotion = viewer.promotion;
      if (promotion == null) {
        return;
      }
      viewer.promotion = null;
      Room primaryRoom = promotion.primaryRoom();
      primaryRoom.promoted.remove(promotion.primaryAttendee().attendeeId());
      rooms.meetings().disconnected(promotion.primaryAttendee());
      MediaSession media = viewer.media;
      if (media != null) {
        media.setSendPermitted(false);
        router.execute(
            () -> {
              for (Producer producer : primaryRoom.router.producers()) {
                if (producer.origin().ownerId().equals(media.id())) {
                  primaryRoom.router.closeProducer(producer);
                }
              }
            });
      }
      broadcastGroup(presence(promotion.primaryAttendee(), PresenceState.LEFT), viewer);
      ServerMessage.Demoted demoted = new ServerMessage.Demoted(code, message);
      if (viewer.isConnected()) {
        viewer.send(demoted);
        viewer.send(new ServerMessage.VideoAvailability(false));
      } else if (!viewer.gone) {
        viewer.untoldDemotion = demoted;
      }
      log.info("viewer {} demoted: {}", viewer.attendeeId(), code);
      updateListener(viewer);
    }
  }

  /** Primary: DeleteAttendee of a promoted viewer's primary credentials demotes it. */
  boolean demotePromoted(AttendeeId primaryAttendeeId, StatusCode code, String message) {
    synchronized (lock) {
      Participant viewer = promoted.get(primaryAttendeeId);
      if (viewer == null) {
        return false;
      }
      roomOf(viewer).demote(viewer, code, message);
      return true;
    }
  }

  private Room roomOf(Participant viewer) {
    for (Room replica : replicas) {
      if (replica.participants.get(viewer.attendee.attendeeId()) == viewer) {
        return replica;
      }
    }
    return this;
  }

  private static ServerMessage.Status status(String requestId, StatusCode code, String message) {
    return new ServerMessage.Status(requestId, code, message);
  }

  // ---- webinar workflow: hands, stage, host actions ----

  ServerMessage raiseHand(Participant viewer, ClientMessage.RaiseHand request) {
    synchronized (lock) {
      if (!isReplica() || viewer.promotion != null) {
        return status(
            request.requestId(),
            StatusCode.NOT_A_REPLICA_ATTENDEE,
            "only audience members raise hands");
      }
      long raisedAt = request.raised() ? System.currentTimeMillis() : 0;
      if ((viewer.handRaisedAt != 0) != request.raised()) {
        viewer.handRaisedAt = raisedAt;
        sendHandQueueToHosts();
      }
      return status(
          request.requestId(), StatusCode.OK, request.raised() ? "hand raised" : "lowered");
    }
  }

  ServerMessage.HandQueue handQueue() {
    List<ServerMessage.Hand> hands = new ArrayList<>();
    for (Room replica : group().replicas) {
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
    Room group = group();
    int viewers = 0;
    for (Room replica : group.replicas) {
      viewers += replica.participants.size();
    }
    return new ServerMessage.Audience(group.replicas.size(), viewers);
  }

  private void sendHandQueueToHosts() {
    Room group = group();
    ServerMessage.HandQueue queue = handQueue();
    for (Participant p : group.participants.values()) {
      if (p.attendee.role() == dev.podium.server.meeting.AttendeeRole.HOST) {
        p.send(queue);
      }
    }
  }

  private void sendAudienceToHosts() {
    Room group = group();
    ServerMessage.Audience audience = audience();
    for (Participant p : group.participants.values()) {
      if (p.attendee.role() == dev.podium.server.meeting.AttendeeRole.HOST) {
        p.send(audience);
      }
    }
  }

  /** A host acts on another attendee (see {@link ClientMessage.HostAction}). */
  ServerMessage hostAction(Participant host, ClientMessage.HostAction action) {
    String requestId = action.requestId();
    if (isReplica() || host.attendee.role() != dev.podium.server.meeting.AttendeeRole.HOST) {
      return status(
          requestId, StatusCode.NOT_A_HOST, "only hosts of the primary meeting may do this");
    }
    String target = action.attendeeId() == null ? "" : action.attendeeId();
    switch (action.action() == null ? "" : action.action()) {
      case "bring-to-stage":
        return bringToStage(requestId, target);
      case "dismiss":
        synchronized (lock) {
          Participant viewer = findViewer(target);
          if (viewer == null || viewer.handRaisedAt == 0) {
            return status(requestId, StatusCode.ATTENDEE_NOT_FOUND, "no raised hand " + target);
          }
          viewer.handRaisedAt = 0;
          sendHandQueueToHosts();
          return status(requestId, StatusCode.OK, "dismissed");
        }
      case "send-back":
        synchronized (lock) {
          Participant viewer = findPromoted(target);
          if (viewer == null) {
            return status(
                requestId, StatusCode.ATTENDEE_NOT_FOUND, "no promoted attendee " + target);
          }
          roomOf(viewer).demote(viewer, StatusCode.DEMOTED_BY_SERVER, "a host sent you back");
          return status(requestId, StatusCode.OK, "sent back");
        }
      case "mute":
        synchronized (lock) {
          Participant presenter = findPresenter(target);
          if (presenter == null) {
            return status(requestId, StatusCode.ATTENDEE_NOT_FOUND, "no presenter " + target);
          }
          presenter.muted = true;
          audio.setMuted(target, true);
          broadcastGroup(new ServerMessage.MuteState(target, true), null);
        }
        return status(requestId, StatusCode.OK, "muted");
      case "remove":
        synchronized (lock) {
          if (findPresenter(target) == null) {
            return status(requestId, StatusCode.ATTENDEE_NOT_FOUND, "no presenter " + target);
          }
        }
        rooms.meetings().deleteAttendee(meeting.meetingId(), AttendeeId.parse(target));
        return status(requestId, StatusCode.OK, "removed");
      default:
        return status(
            requestId,
            StatusCode.BAD_REQUEST,
            "action must be bring-to-stage, dismiss, send-back, mute or remove");
    }
  }

  private ServerMessage bringToStage(String requestId, String viewerAttendeeId) {
    Participant viewer;
    synchronized (lock) {
      viewer = findViewer(viewerAttendeeId);
      if (viewer == null) {
        return status(requestId, StatusCode.ATTENDEE_NOT_FOUND, "no viewer " + viewerAttendeeId);
      }
      viewer.handRaisedAt = 0;
      sendHandQueueToHosts();
    }
    Participant.StageCredentials credentials = rooms.stageCredentialsFor(meeting, viewer);
    viewer.send(
        new ServerMessage.StageInvitation(
            meeting.meetingId().toString(), credentials.attendeeId(), credentials.joinToken()));
    return status(requestId, StatusCode.OK, "invited to the stage");
  }

  private Participant findViewer(String attendeeId) {
    for (Room replica : replicas) {
      for (Participant p : replica.participants.values()) {
        if (p.attendeeId().equals(attendeeId)) {
          return p;
        }
      }
    }
    return null;
  }

  private Participant findPromoted(String primaryAttendeeId) {
    for (Map.Entry<AttendeeId, Participant> e : promoted.entrySet()) {
      if (e.getKey().toString().equals(primaryAttendeeId)) {
        return e.getValue();
      }
    }
    return null;
  }

  private Participant findPresenter(String attendeeId) {
    for (Participant p : participants.values()) {
      if (p.attendeeId().equals(attendeeId)) {
        return p;
      }
    }
    return findPromoted(attendeeId);
  }

  // ---- leaving ----

  void leave(Participant participant) {
    synchronized (lock) {
      if (participant.gone) {
        return;
      }
      participant.end(new ServerMessage.Ended(StatusCode.LEFT, "left the meeting"));
      remove(participant, PresenceState.LEFT);
    }
  }

  /** The WebSocket closed without leave: demote (seed), keep the session for the resume window. */
  void channelClosed(Participant participant, Channel channel) {
    synchronized (lock) {
      if (participant.gone || participant.channel() != channel) {
        return;
      }
      participant.attach(null);
      demote(participant, StatusCode.DEMOTED_ON_DISCONNECT, "the connection dropped");
      participant.resumeDeadline =
          rooms
              .timers()
              .schedule(() -> dropped(participant), RESUME_WINDOW_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  private void dropped(Participant participant) {
    synchronized (lock) {
      if (!participant.gone && participant.channel() == null) {
        log.info("attendee {} dropped (did not resume)", participant.attendeeId());
        remove(participant, PresenceState.DROPPED);
      }
    }
  }

  /** DeleteAttendee: the attendee is disconnected at once and told why. */
  void removeAttendee(AttendeeId attendeeId, StatusCode code, String message) {
    synchronized (lock) {
      Participant participant = participants.get(attendeeId);
      if (participant != null) {
        participant.end(new ServerMessage.Ended(code, message));
        remove(participant, PresenceState.LEFT);
      }
    }
  }

  /** The meeting is gone (deleted, or the server stops): everyone is told and disconnected. */
  void close(StatusCode code, String message) {
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      for (Participant participant : List.copyOf(participants.values())) {
        participant.end(new ServerMessage.Ended(code, message));
        demote(participant, StatusCode.DEMOTED_BY_SERVER, message);
        discard(participant);
        rooms.meetings().disconnected(participant.attendee);
      }
      participants.clear();
      for (Participant viewer : List.copyOf(promoted.values())) {
        roomOf(viewer).demote(viewer, StatusCode.DEMOTED_BY_SERVER, message);
      }
      if (primary != null) {
        primary.detachReplica(this);
        sendAudienceToHosts();
      } else {
        audio.close();
      }
      router.close();
    }
  }

  int size() {
    synchronized (lock) {
      return participants.size();
    }
  }

  private void remove(Participant participant, PresenceState state) {
    if (participants.get(participant.attendee.attendeeId()) == participant) {
      participants.remove(participant.attendee.attendeeId());
    }
    demote(participant, StatusCode.DEMOTED_ON_DISCONNECT, "left");
    discard(participant);
    rooms.meetings().disconnected(participant.attendee);
    if (isReplica()) {
      if (participant.handRaisedAt != 0) {
        participant.handRaisedAt = 0;
        sendHandQueueToHosts();
      }
      sendAudienceToHosts();
    } else {
      broadcastGroup(presence(participant.attendee, state), participant);
    }
    log.info(
        "attendee {} {} meeting {}",
        participant.attendeeId(),
        state.name().toLowerCase(java.util.Locale.ROOT),
        meeting.meetingId());
  }

  /** Closes a participant's media without presence events. */
  private void discard(Participant participant) {
    participant.gone = true;
    if (participant.resumeDeadline != null) {
      participant.resumeDeadline.cancel(false);
    }
    if (participant.media != null) {
      group().audio.removeListener(participant.media);
      participant.media.close();
    }
  }

  // ---- sources and audio routes ----

  /**
   * What {@code viewer} can receive here: in a primary every producer, in a replica only those
   * mirrored from the primary; never the viewer's own.
   */
  private List<SourceInfo> sourcesFor(Participant viewer) {
    List<SourceInfo> sources = new ArrayList<>();
    AttendeeId self = viewer.identity().attendeeId();
    for (Producer producer : router.producers()) {
      if (producer.kind() != MediaKind.VIDEO || !isPublic(producer)) {
        continue;
      }
      Attendee owner = rooms.identityOf(producer);
      if (owner == null || owner.attendeeId().equals(self)) {
        continue;
      }
      sources.add(
          new SourceInfo(
              producer.id(), owner.attendeeId().toString(), owner.externalUserId(), "video"));
    }
    sources.sort(Comparator.comparing(SourceInfo::sourceId));
    return sources;
  }

  private boolean isPublic(Producer producer) {
    return !isReplica() || producer.upstream() != null;
  }

  @Override
  public void onProducerAdded(Producer producer) {
    synchronized (lock) {
      if (producer.kind() == MediaKind.AUDIO) {
        Attendee speaker = rooms.identityOf(producer);
        if (!isReplica() && speaker != null) {
          audio.addSpeaker(producer, speaker.attendeeId().toString());
        }
      } else if (isPublic(producer)) {
        broadcastSources();
      }
      if (!isReplica()) {
        for (Room replica : replicas) {
          pipeInto(replica, producer);
        }
      } else if (producer.upstream() == null) {
        Participant owner = rooms.participantOfSession(producer.ownerId());
        if (owner != null && owner.promotion != null) {
          pipeViewerIntoPrimary(owner.media);
        }
      }
    }
  }

  @Override
  public void onProducerRemoved(Producer producer) {
    synchronized (lock) {
      if (producer.kind() == MediaKind.AUDIO) {
        if (!isReplica()) {
          audio.removeSpeaker(producer);
        }
      } else if (isPublic(producer)) {
        broadcastSources();
      }
    }
  }

  private void broadcastSources() {
    for (Participant p : participants.values()) {
      p.send(new ServerMessage.Sources(sourcesFor(p)));
    }
  }

  /**
   * Registers {@code p}'s connection as a listener of the group's mixer once its audio downlink is
   * negotiated: it hears the mix minus its own voice when it is a speaker (a primary attendee or a
   * promoted viewer), the shared full mix otherwise (replica viewers).
   */
  private void updateListener(Participant p) {
    synchronized (lock) {
      MediaSession media = p.media;
      if (p.gone || media == null || media.audioDownlinkSsrc() == 0) {
        return;
      }
      String own = isReplica() && p.promotion == null ? null : p.identity().attendeeId().toString();
      if (media == p.audioListenerSession && java.util.Objects.equals(own, p.audioListenerOwn)) {
        return;
      }
      p.audioListenerSession = media;
      p.audioListenerOwn = own;
      group().audio.addListener(media, own);
    }
  }

  /** Media loop: volumes and active speakers from the mixer, to the whole group. */
  private void onAudioLevels(AudioLevels levels) {
    List<ServerMessage.Volume> updates = new ArrayList<>();
    for (AudioLevel level : levels.sources()) {
      updates.add(
          new ServerMessage.Volume(
              level.sourceId(), level.volume(), level.signal(), level.muted()));
    }
    synchronized (lock) {
      broadcastGroup(new ServerMessage.Volumes(updates, levels.activeSpeakers()), null);
    }
  }
}
