package dev.podium.server.signaling;

import dev.podium.media.MediaEngine;
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
import dev.podium.server.meeting.MeetingService;
import dev.podium.server.protocol.ClientMessage;
import dev.podium.server.protocol.ServerMessage;
import dev.podium.server.protocol.ServerMessage.AttendeeInfo;
import dev.podium.server.protocol.ServerMessage.PresenceState;
import dev.podium.server.protocol.ServerMessage.SourceInfo;
import dev.podium.server.protocol.SignalCodec;
import dev.podium.server.protocol.SignalMessage;
import dev.podium.server.protocol.StatusCode;
import io.netty.channel.Channel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live state of one meeting: who is joined (and on which signaling channel), their media
 * sessions in the meeting's {@link Router}, presence, mute state and data messages. All mutation
 * holds the room's lock; nothing blocks while holding it (media work hops onto the media loop).
 */
final class Room implements RouterListener {
  private static final Logger log = LoggerFactory.getLogger(Room.class);

  /** A client whose WebSocket dropped may resume its session this long. */
  static final long RESUME_WINDOW_MILLIS = 30_000;

  static final double DATA_MESSAGES_PER_SECOND = 50;
  static final double DATA_MESSAGE_BURST = 100;

  private static final SecureRandom RANDOM = new SecureRandom();

  final Meeting meeting;
  final Router router;
  private final MediaEngine engine;
  private final MeetingService meetings;
  private final SignalCodec codec;
  private final ScheduledExecutorService timers;
  private final LongSupplier clockMillis;
  private final Map<AttendeeId, Participant> participants = new LinkedHashMap<>();

  /** Media session id → participant, for labelling producers. */
  private final Map<String, Participant> bySession = new HashMap<>();

  /** Audio producers in the order they appeared (latest last). */
  private final Map<String, Producer> audioProducers = new LinkedHashMap<>();

  private final DataMessages data = new DataMessages();
  private final AtomicLong sessionCounter = new AtomicLong();
  private boolean closed;

  Room(
      Meeting meeting,
      MediaEngine engine,
      MeetingService meetings,
      SignalCodec codec,
      ScheduledExecutorService timers,
      LongSupplier clockMillis) {
    this.meeting = meeting;
    this.engine = engine;
    this.meetings = meetings;
    this.codec = codec;
    this.timers = timers;
    this.clockMillis = clockMillis;
    this.router = engine.createRouter(meeting.meetingId().toString());
    router.addListener(this);
  }

  /** Outcome of a join: the participant, or why not. */
  record JoinResult(Participant participant, StatusCode refusal, String message) {}

  synchronized JoinResult join(Attendee attendee, ClientMessage.Join join, Channel channel) {
    if (closed) {
      return new JoinResult(null, StatusCode.MEETING_ENDED, "the meeting has ended");
    }
    Participant existing = participants.get(attendee.attendeeId());
    if (existing != null && join.resumeToken() != null && matches(existing, join.resumeToken())) {
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
      log.info("attendee {} resumed in meeting {}", attendee.attendeeId(), meeting.meetingId());
      return new JoinResult(existing, null, null);
    }
    boolean replacing = existing != null;
    if (replacing) {
      existing.end(
          new ServerMessage.Ended(
              StatusCode.JOINED_FROM_ANOTHER_CONNECTION,
              "this attendee joined from another connection"));
      discard(existing);
    } else {
      ConnectResult connect = meetings.tryConnect(attendee);
      if (connect == ConnectResult.MEETING_AT_CAPACITY) {
        return new JoinResult(
            null, StatusCode.MEETING_AT_CAPACITY, "the meeting is at capacity; try again later");
      }
      if (connect != ConnectResult.CONNECTED) {
        return new JoinResult(null, StatusCode.AUTHENTICATION_REJECTED, "the attendee was deleted");
      }
    }
    Participant participant =
        new Participant(
            attendee,
            newResumeToken(),
            channel,
            codec,
            new TokenBucket(DATA_MESSAGES_PER_SECOND, DATA_MESSAGE_BURST, clockMillis.getAsLong()));
    participant.media = newMediaSession(participant);
    participants.put(attendee.attendeeId(), participant);
    participant.send(joined(participant, join.requestId(), false));
    for (ServerMessage.Data retained : data.live(clockMillis.getAsLong())) {
      participant.send(retained);
    }
    if (!replacing) {
      broadcast(
          new ServerMessage.Presence(
              participant.attendeeId(), attendee.externalUserId(), PresenceState.JOINED),
          participant);
    }
    log.info(
        "attendee {} joined meeting {} ({} connected)",
        attendee.attendeeId(),
        meeting.meetingId(),
        participants.size());
    return new JoinResult(participant, null, null);
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
    String sessionId = participant.attendeeId() + "." + sessionCounter.incrementAndGet();
    bySession.put(sessionId, participant);
    return engine.createSession(
        router,
        sessionId,
        new MediaSessionListener() {
          @Override
          public void onSessionClosed(MediaSession session, String reason) {
            mediaClosed(participant, session, reason);
          }

          @Override
          public void onConsumerClosed(MediaSession session, String mid) {
            // The source left: the client learns it from the next sources list.
          }
        });
  }

  private synchronized void mediaClosed(Participant participant, MediaSession session, String why) {
    bySession.values().remove(participant);
    if (participant.media == session && !participant.gone) {
      log.info("media of attendee {} closed: {}", participant.attendeeId(), why);
    }
  }

  private ServerMessage.Joined joined(Participant p, String requestId, boolean resumed) {
    List<AttendeeInfo> others = new ArrayList<>();
    for (Participant other : participants.values()) {
      if (other != p) {
        others.add(info(other));
      }
    }
    return new ServerMessage.Joined(
        requestId,
        SignalMessage.PROTOCOL_VERSION,
        new ServerMessage.MeetingInfo(
            meeting.meetingId().toString(),
            meeting.externalMeetingId(),
            meeting.primary().map(Object::toString).orElse(null)),
        info(p),
        p.resumeToken,
        resumed,
        !meeting.isReplica(),
        others,
        sourcesFor(p));
  }

  private static AttendeeInfo info(Participant p) {
    return new AttendeeInfo(
        p.attendeeId(), p.attendee.externalUserId(), p.attendee.role().wireName(), p.muted);
  }

  /** Answers an offer; a connection whose media closed (e.g. ICE restart) gets a new one. */
  CompletableFuture<String> offer(Participant participant, ClientMessage.Offer offer) {
    MediaSession media;
    Map<String, String> bindings = new HashMap<>();
    synchronized (this) {
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
    }
    return media
        .negotiate(offer.sdp(), bindings)
        .thenApply(
            negotiation -> {
              updateAudioRoutes();
              return negotiation.answerSdp();
            });
  }

  synchronized void setMute(Participant participant, boolean muted) {
    if (participant.gone || participant.muted == muted) {
      return;
    }
    participant.muted = muted;
    broadcast(new ServerMessage.MuteState(participant.attendeeId(), muted), participant);
  }

  /** Delivers a data message to every other attendee; returns null or the refusal. */
  synchronized DataMessages.Refusal sendData(Participant sender, ClientMessage.SendData message) {
    DataMessages.Refusal refusal =
        DataMessages.validate(message.topic(), message.data(), message.lifetimeMs());
    if (refusal != null) {
      return refusal;
    }
    long now = clockMillis.getAsLong();
    if (!sender.dataRate.tryTake(now)) {
      return new DataMessages.Refusal(
          StatusCode.THROTTLED,
          "more than "
              + (int) DATA_MESSAGES_PER_SECOND
              + " data messages per second; this one was not sent");
    }
    ServerMessage.Data delivered =
        new ServerMessage.Data(
            message.topic(),
            message.data() == null ? "" : message.data(),
            sender.attendeeId(),
            sender.attendee.externalUserId(),
            System.currentTimeMillis());
    broadcast(delivered, sender);
    if (message.lifetimeMs() != null) {
      data.retain(delivered, message.lifetimeMs(), now);
    }
    return null;
  }

  synchronized void leave(Participant participant) {
    if (participant.gone) {
      return;
    }
    participant.end(new ServerMessage.Ended(StatusCode.LEFT, "left the meeting"));
    remove(participant, PresenceState.LEFT);
  }

  /** The participant's WebSocket closed without leave: keep its session for the resume window. */
  synchronized void channelClosed(Participant participant, Channel channel) {
    if (participant.gone || participant.channel() != channel) {
      return;
    }
    participant.attach(null);
    participant.resumeDeadline =
        timers.schedule(() -> dropped(participant), RESUME_WINDOW_MILLIS, TimeUnit.MILLISECONDS);
  }

  private synchronized void dropped(Participant participant) {
    if (!participant.gone && participant.channel() == null) {
      log.info("attendee {} dropped (did not resume)", participant.attendeeId());
      remove(participant, PresenceState.DROPPED);
    }
  }

  /** DeleteAttendee: the attendee is disconnected at once and told why. */
  synchronized void removeAttendee(AttendeeId attendeeId, StatusCode code, String message) {
    Participant participant = participants.get(attendeeId);
    if (participant != null) {
      participant.end(new ServerMessage.Ended(code, message));
      remove(participant, PresenceState.LEFT);
    }
  }

  /** The meeting is gone (deleted, or the server stops): everyone is told and disconnected. */
  synchronized void close(StatusCode code, String message) {
    if (closed) {
      return;
    }
    closed = true;
    for (Participant participant : List.copyOf(participants.values())) {
      participant.end(new ServerMessage.Ended(code, message));
      discard(participant);
      meetings.disconnected(participant.attendee);
    }
    participants.clear();
    router.close();
  }

  synchronized int size() {
    return participants.size();
  }

  private void remove(Participant participant, PresenceState state) {
    if (participants.get(participant.attendee.attendeeId()) == participant) {
      participants.remove(participant.attendee.attendeeId());
    }
    discard(participant);
    meetings.disconnected(participant.attendee);
    broadcast(
        new ServerMessage.Presence(
            participant.attendeeId(), participant.attendee.externalUserId(), state),
        participant);
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
      participant.media.close();
    }
  }

  private void broadcast(ServerMessage message, Participant except) {
    for (Participant p : participants.values()) {
      if (p != except) {
        p.send(message);
      }
    }
  }

  private List<SourceInfo> sourcesFor(Participant viewer) {
    List<SourceInfo> sources = new ArrayList<>();
    for (Producer producer : router.producers()) {
      Participant owner = bySession.get(producer.ownerId());
      if (producer.kind() != MediaKind.VIDEO || owner == null || owner == viewer) {
        continue;
      }
      sources.add(
          new SourceInfo(
              producer.id(), owner.attendeeId(), owner.attendee.externalUserId(), "video"));
    }
    sources.sort(java.util.Comparator.comparing(SourceInfo::sourceId));
    return sources;
  }

  // ---- media events (on the media loop) ----

  @Override
  public void onProducerAdded(Producer producer) {
    synchronized (this) {
      if (producer.kind() == MediaKind.AUDIO) {
        audioProducers.put(producer.id(), producer);
      } else {
        broadcastSources();
      }
    }
    updateAudioRoutes();
  }

  @Override
  public void onProducerRemoved(Producer producer) {
    synchronized (this) {
      if (producer.kind() == MediaKind.AUDIO) {
        audioProducers.remove(producer.id());
      } else {
        broadcastSources();
      }
    }
    updateAudioRoutes();
  }

  private void broadcastSources() {
    for (Participant p : participants.values()) {
      p.send(new ServerMessage.Sources(sourcesFor(p)));
    }
  }

  /**
   * Until the mixer exists, each participant's audio downlink carries the most recent other
   * speaker's audio (exact for two people).
   */
  private synchronized void updateAudioRoutes() {
    List<Producer> audio = new ArrayList<>(audioProducers.values());
    for (Participant p : participants.values()) {
      Producer chosen = null;
      for (int i = audio.size() - 1; i >= 0; i--) {
        Participant owner = bySession.get(audio.get(i).ownerId());
        if (owner != null && owner != p) {
          chosen = audio.get(i);
          break;
        }
      }
      if (p.media != null) {
        p.media.setAudioSource(chosen);
      }
    }
  }
}
