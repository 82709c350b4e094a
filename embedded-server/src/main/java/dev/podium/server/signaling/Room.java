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
  static final Logger log = LoggerFactory.getLogger(Room.class);

  /** A client whose WebSocket dropped may resume its session this long. */
  static final long RESUME_WINDOW_MILLIS = 30_000;

  static final double DATA_MESSAGES_PER_SECOND = 50;
  static final int DATA_MESSAGE_BURST = 100;

  /** Suffix of a content share's attendee id (Chime's convention: {@code <attendeeId>#content}). */
  static final String CONTENT_SUFFIX = "#content";

  /** Id prefix of a promoted viewer's producers piped into the primary router. */
  static final String PROMOTED_PREFIX = "promoted:";

  private static final SecureRandom RANDOM = new SecureRandom();

  final Meeting meeting;
  final Router router;
  final Object lock;
  final Rooms rooms;
  private final Room primary;
  final List<Room> replicas = new CopyOnWriteArrayList<>();
  final Map<AttendeeId, Participant> participants = new LinkedHashMap<>();

  /** Primary only: promoted replica viewers, by their primary attendee id. */
  final Map<AttendeeId, Participant> promoted = new LinkedHashMap<>();

  private final DataMessages data = new DataMessages();
  final StageWorkflow stage = new StageWorkflow(this);
  final Promotions promotions = new Promotions(this);

  /** Primary only: video sender and content share slots of the group. */
  final VideoSlots videoSlots;

  /** Primary only: the meeting's mixer; replicas' viewers listen to it too. */
  final MeetingAudio audio;

  /** Primary only: live captions. */
  final MeetingCaptions captions = new MeetingCaptions(this);

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
      videoSlots =
          new VideoSlots(
              this,
              rooms.meetings().limits().maxVideoSenders(),
              rooms.meetings().limits().maxContentShares());
    } else {
      audio = null;
      videoSlots = null;
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
        promotions.demote(
            existing, StatusCode.DEMOTED_ON_DISCONNECT, "joined from another connection");
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
      Participant participant = new Participant(attendee, newResumeToken(), channel, rooms.codec());
      participant.media = newMediaSession(participant);
      participants.put(attendee.attendeeId(), participant);
      participant.send(joined(participant, join.requestId(), false));
      for (ServerMessage.Data retained : group().data.live(System.currentTimeMillis())) {
        participant.send(retained);
      }
      ServerMessage.TranscriptionStatus captionsRunning = group().captions.statusForLateJoiner();
      if (captionsRunning != null) {
        participant.send(captionsRunning);
      }
      if (!replacing && !isReplica()) {
        broadcastGroup(presence(participant.identity(), PresenceState.JOINED), participant);
      } else if (isReplica()) {
        stage.sendAudienceToHosts();
      }
      if (participant.attendee.role() == dev.podium.server.meeting.AttendeeRole.HOST) {
        participant.send(stage.handQueue());
        participant.send(stage.audience());
      }
      if (!replacing) rooms.meetings().events().onAttendeeJoined(meeting, attendee);
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

                  @Override
                  public void onConsumerPausedByBandwidth(
                      MediaSession session, String mid, boolean paused) {
                    reportPausedSources(participant, session);
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
        promotions.demote(
            participant, StatusCode.DEMOTED_ON_DISCONNECT, "the media connection closed");
        participant.offered = OfferedMedia.NONE;
        group().videoSlots.release(participant);
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

  static AttendeeInfo info(Attendee attendee, boolean muted) {
    return new AttendeeInfo(
        attendee.attendeeId().toString(),
        attendee.externalUserId(),
        attendee.role().wireName(),
        muted);
  }

  static ServerMessage.Presence presence(Attendee who, PresenceState state) {
    return new ServerMessage.Presence(who.attendeeId().toString(), who.externalUserId(), state);
  }

  boolean canStartLocalVideo(Participant p) {
    if (isReplica() && p.promotion == null) {
      return false;
    }
    return group().videoSlots.canSendCamera(p);
  }

  /** The group's primary room (this one for a primary). */
  Room group() {
    return primary != null ? primary : this;
  }

  // ---- offers ----

  /** Answers an offer; a connection whose media closed (e.g. ICE restart) gets a new one. */
  CompletableFuture<String> offer(Participant participant, ClientMessage.Offer offer) {
    MediaSession media;
    Map<String, String> bindings = new HashMap<>();
    OfferedMedia offered = OfferedMedia.of(offer.sdp(), offer.contentMids());
    VideoSlots.Grant grant = VideoSlots.Grant.ALL;
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
      participant.offered = offered;
      participant.videoBindings = Map.copyOf(bindings);
      if (isReplica() && participant.promotion == null) {
        if (offered.sendsVideo()) {
          participant.send(new ServerMessage.VideoAvailability(false));
          participant.send(
              new ServerMessage.Status(
                  null,
                  StatusCode.VIDEO_SEND_UNAVAILABLE,
                  "replica viewers cannot send video unless promoted"));
        }
      } else {
        grant = group().videoSlots.grant(participant, offered);
      }
    }
    return media
        .negotiate(offer.sdp(), bindings, grant.refused())
        .thenApply(
            negotiation -> {
              updateListener(participant);
              applyVideoPreferences(participant, media);
              reportPausedSources(participant, media);
              return negotiation.answerSdp();
            });
  }

  // ---- video preferences and pauses ----

  /**
   * The client's preferences for the sources it receives (priority, tile size, paused), kept per
   * source and applied to the receive m-lines bound to them, now and after each offer. Returns the
   * refusal, or null.
   */
  String setVideoPreferences(Participant participant, ClientMessage.VideoPreferences request) {
    if (request.preferences() == null) {
      return "no preferences";
    }
    for (ClientMessage.VideoPreference preference : request.preferences()) {
      if (preference == null || preference.sourceId() == null) {
        return "every preference needs a sourceId";
      }
      if (preference.maxWidth() < 0 || preference.maxHeight() < 0) {
        return "maxWidth and maxHeight must not be negative";
      }
    }
    MediaSession media;
    synchronized (lock) {
      if (participant.gone) {
        return null;
      }
      for (ClientMessage.VideoPreference preference : request.preferences()) {
        participant.videoPreferences.put(preference.sourceId(), preference);
      }
      // Keep only sources that exist: the map cannot grow beyond the meeting's sources.
      participant.videoPreferences.keySet().removeIf(id -> router.producer(id) == null);
      media = participant.media;
    }
    applyVideoPreferences(participant, media);
    return null;
  }

  private void applyVideoPreferences(Participant participant, MediaSession media) {
    Map<String, ClientMessage.VideoPreference> byMid = new HashMap<>();
    synchronized (lock) {
      participant.videoBindings.forEach(
          (mid, sourceId) -> {
            ClientMessage.VideoPreference preference = participant.videoPreferences.get(sourceId);
            if (preference != null) {
              byMid.put(mid, preference);
            }
          });
    }
    byMid.forEach(
        (mid, preference) -> {
          media.setConsumerPreferences(
              mid, preference.priority(), preference.maxWidth(), preference.maxHeight());
          media.setConsumerPaused(mid, preference.paused());
        });
  }

  /**
   * Media loop: tells the client which of its sources the bandwidth allocator has paused, when that
   * list changed.
   */
  private void reportPausedSources(Participant participant, MediaSession media) {
    List<String> paused = new ArrayList<>();
    synchronized (lock) {
      if (participant.gone || participant.media != media) {
        return;
      }
      participant.videoBindings.forEach(
          (mid, sourceId) -> {
            if (media.consumer(mid).map(c -> c.isPausedByBandwidth()).orElse(false)) {
              paused.add(sourceId);
            }
          });
      paused.sort(Comparator.naturalOrder());
      if (!paused.equals(participant.pausedSources)) {
        participant.pausedSources = List.copyOf(paused);
        participant.send(new ServerMessage.VideoPaused(participant.pausedSources));
      }
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
      if (!rooms.dataMessageRate.tryAcquire(sender.attendeeId())) {
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
  void broadcastGroup(ServerMessage message, Participant except) {
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

  Room roomOf(Participant viewer) {
    for (Room replica : replicas) {
      if (replica.participants.get(viewer.attendee.attendeeId()) == viewer) {
        return replica;
      }
    }
    return this;
  }

  static ServerMessage.Status status(String requestId, StatusCode code, String message) {
    return new ServerMessage.Status(requestId, code, message);
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
      promotions.demote(participant, StatusCode.DEMOTED_ON_DISCONNECT, "the connection dropped");
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
        promotions.demote(participant, StatusCode.DEMOTED_BY_SERVER, message);
        discard(participant);
        rooms.meetings().disconnected(participant.attendee);
      }
      participants.clear();
      for (Participant viewer : List.copyOf(promoted.values())) {
        roomOf(viewer).promotions.demote(viewer, StatusCode.DEMOTED_BY_SERVER, message);
      }
      if (primary != null) {
        primary.detachReplica(this);
        stage.sendAudienceToHosts();
      } else {
        captions.close();
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
    promotions.demote(participant, StatusCode.DEMOTED_ON_DISCONNECT, "left");
    discard(participant);
    rooms.meetings().disconnected(participant.attendee);
    if (isReplica()) {
      if (participant.handRaisedAt != 0) {
        participant.handRaisedAt = 0;
        stage.sendHandQueueToHosts();
      }
      stage.sendAudienceToHosts();
    } else {
      broadcastGroup(presence(participant.attendee, state), participant);
    }
    rooms
        .meetings()
        .events()
        .onAttendeeLeft(meeting, participant.attendee, state == PresenceState.DROPPED);
    log.info(
        "attendee {} {} meeting {}",
        participant.attendeeId(),
        state.name().toLowerCase(java.util.Locale.ROOT),
        meeting.meetingId());
  }

  /** Closes a participant's media without presence events. */
  private void discard(Participant participant) {
    participant.gone = true;
    participant.offered = OfferedMedia.NONE;
    group().videoSlots.release(participant);
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
      boolean content = isContent(producer);
      sources.add(
          new SourceInfo(
              producer.id(),
              owner.attendeeId() + (content ? CONTENT_SUFFIX : ""),
              owner.externalUserId(),
              content ? "content" : "video"));
    }
    sources.sort(Comparator.comparing(SourceInfo::sourceId));
    return sources;
  }

  /** Whether a producer (or the one it is piped from) is a content share m-line. */
  boolean isContent(Producer producer) {
    Producer origin = producer.origin();
    Participant owner = rooms.participantOfSession(origin.ownerId());
    if (owner == null) {
      return false;
    }
    String id = origin.id();
    return owner.offered.isContent(id.substring(id.lastIndexOf('/') + 1));
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
          if (isContent(producer)) {
            audio.addSpeaker(producer, speaker.attendeeId() + CONTENT_SUFFIX);
          } else {
            audio.addSpeaker(producer, speaker.attendeeId().toString());
            captions.attach(producer);
          }
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
          promotions.pipeViewerIntoPrimary(owner.media);
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
          captions.detach(producer);
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
  void updateListener(Participant p) {
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

  /** See {@link MeetingCaptions#start}. */
  void startTranscription(String languageCode) {
    captions.start(languageCode);
  }

  void stopTranscription() {
    captions.stop();
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
