package dev.podium.server.signaling;

import dev.podium.media.MediaEngine;
import dev.podium.media.routing.Producer;
import dev.podium.server.api.ApiException;
import dev.podium.server.api.RateLimiter;
import dev.podium.server.api.TranscriptionControl;
import dev.podium.server.meeting.Attendee;
import dev.podium.server.meeting.AttendeeSpec;
import dev.podium.server.meeting.CreatedAttendee;
import dev.podium.server.meeting.Meeting;
import dev.podium.server.meeting.MeetingDeletionReason;
import dev.podium.server.meeting.MeetingId;
import dev.podium.server.meeting.MeetingListener;
import dev.podium.server.meeting.MeetingService;
import dev.podium.server.meeting.MeetingServiceException;
import dev.podium.server.metrics.MetricsRegistry;
import dev.podium.server.protocol.SignalCodec;
import dev.podium.server.protocol.StatusCode;
import dev.podium.server.transcription.TranscriptionEngine;
import dev.podium.server.transcription.TranscriptionException;
import dev.podium.server.transcription.TranscriptionMetrics;
import dev.podium.server.transcription.VoskTranscriptionEngine;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The live rooms of the server, one per meeting with someone joined; a replica's room is linked to
 * its primary's. Listens to the meeting service so that DeleteAttendee and DeleteMeeting disconnect
 * (or demote) people at once.
 */
public final class Rooms implements MeetingListener, TranscriptionControl, AutoCloseable {
  private final MeetingService meetings;
  private final MediaEngine engine;
  private final Path modelInstallDirectory;
  private final TranscriptionMetrics transcriptionMetrics;
  private TranscriptionEngine speechEngine;
  private final SignalCodec codec = new SignalCodec();
  private final Map<MeetingId, Room> rooms = new ConcurrentHashMap<>();

  /** Media session id → participant, to label producers with their attendee. */
  private final Map<String, Participant> sessions = new ConcurrentHashMap<>();

  private final AtomicLong sessionNumbers = new AtomicLong();

  /** Data messages per attendee connection: a burst, then a steady rate (→ THROTTLED). */
  final RateLimiter<String> dataMessageRate =
      new RateLimiter<>(Room.DATA_MESSAGE_BURST, Room.DATA_MESSAGES_PER_SECOND, System::nanoTime);

  private final LongAdder refusedReplicaData = new LongAdder();
  private final ScheduledExecutorService timers =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "podium-signaling-timers");
            t.setDaemon(true);
            return t;
          });

  /**
   * @param modelInstallDirectory the directory the bundled speech model is unpacked into at first
   *     use; it must be the model's own (the installer replaces its contents)
   */
  public Rooms(
      MeetingService meetings,
      MediaEngine engine,
      MetricsRegistry metrics,
      Path modelInstallDirectory) {
    this.meetings = meetings;
    this.engine = engine;
    this.modelInstallDirectory = modelInstallDirectory;
    this.transcriptionMetrics = new TranscriptionMetrics(metrics);
    meetings.addListener(this);
  }

  /** The speech engine, loaded at first use (unpacking the model takes a second or two). */
  synchronized TranscriptionEngine speechEngine() {
    if (speechEngine == null) {
      speechEngine = VoskTranscriptionEngine.openBundled(modelInstallDirectory);
    }
    return speechEngine;
  }

  TranscriptionMetrics transcriptionMetrics() {
    return transcriptionMetrics;
  }

  @Override
  public void start(MeetingId meetingId, String languageCode) {
    Meeting meeting = meetings.getMeeting(meetingId);
    if (meeting.isReplica()) {
      throw ApiException.badRequest(
          "start transcription on the primary meeting; its replicas receive the captions");
    }
    try {
      room(meeting).startTranscription(languageCode);
    } catch (TranscriptionException e) {
      switch (e.reason()) {
        case ENGINE_UNAVAILABLE ->
            throw new ApiException(
                HttpResponseStatus.SERVICE_UNAVAILABLE, "ServiceUnavailable", e.getMessage());
        case UNSUPPORTED_LANGUAGE -> throw ApiException.badRequest(e.getMessage());
        default -> {
          // already running: starting is idempotent
        }
      }
    }
  }

  @Override
  public void stop(MeetingId meetingId) {
    Meeting meeting = meetings.getMeeting(meetingId);
    Room room = rooms.get(meeting.primary().orElse(meetingId));
    if (room != null) {
      room.stopTranscription();
    }
  }

  MeetingService meetings() {
    return meetings;
  }

  MediaEngine engine() {
    return engine;
  }

  SignalCodec codec() {
    return codec;
  }

  ScheduledExecutorService timers() {
    return timers;
  }

  long nextSessionNumber() {
    return sessionNumbers.incrementAndGet();
  }

  void registerSession(String sessionId, Participant participant) {
    sessions.put(sessionId, participant);
  }

  void unregisterSession(String sessionId) {
    sessions.remove(sessionId);
  }

  Participant participantOfSession(String sessionId) {
    return sessions.get(sessionId);
  }

  /** The attendee a producer is shown as: its publisher's primary identity when promoted. */
  Attendee identityOf(Producer producer) {
    Participant owner = sessions.get(producer.origin().ownerId());
    return owner == null ? null : owner.identity();
  }

  void countRefusedReplicaData() {
    refusedReplicaData.increment();
  }

  /** Data messages replica viewers tried to send without being promoted. */
  public long refusedReplicaDataMessages() {
    return refusedReplicaData.sum();
  }

  /** The room of a meeting, linked to its primary's room for a replica. */
  Room room(Meeting meeting) {
    Room existing = rooms.get(meeting.meetingId());
    if (existing != null) {
      return existing;
    }
    Room primaryRoom = null;
    if (meeting.isReplica()) {
      primaryRoom = room(meetings.getMeeting(meeting.primaryMeetingId()));
    }
    Room linkTo = primaryRoom;
    Room created =
        rooms.computeIfAbsent(meeting.meetingId(), id -> new Room(meeting, this, linkTo));
    if (linkTo != null && created.primary() == linkTo && !linkTo.replicas().contains(created)) {
      linkTo.attachReplica(created);
    }
    return created;
  }

  Optional<Room> find(MeetingId meetingId) {
    return Optional.ofNullable(rooms.get(meetingId));
  }

  /**
   * Primary credentials for a viewer brought to the stage: created once per viewer, reused while
   * they exist.
   */
  Participant.StageCredentials stageCredentialsFor(Meeting primary, Participant viewer) {
    synchronized (viewer) {
      Participant.StageCredentials existing = viewer.stageCredentials;
      if (existing != null) {
        return existing;
      }
      String externalUserId = viewer.attendee.externalUserId();
      CreatedAttendee created;
      try {
        created = meetings.createAttendee(primary.meetingId(), AttendeeSpec.of(externalUserId));
      } catch (MeetingServiceException e) {
        // The external id is taken in the primary: make a distinct one for the stage seat.
        String suffix = "-" + viewer.attendeeId().substring(0, 8);
        String stageId =
            externalUserId.length() + suffix.length() > MeetingService.EXTERNAL_USER_ID_MAX
                ? externalUserId.substring(0, MeetingService.EXTERNAL_USER_ID_MAX - suffix.length())
                    + suffix
                : externalUserId + suffix;
        created = meetings.createAttendee(primary.meetingId(), AttendeeSpec.of(stageId));
      }
      viewer.stageCredentials =
          new Participant.StageCredentials(
              created.attendee().attendeeId().toString(), created.joinToken());
      return viewer.stageCredentials;
    }
  }

  /**
   * How a primary's published sources reach its replicas: for each producer in the primary router,
   * its pipes (one per replica) and its consumers in the primary, and the consumers of each pipe.
   * For operators and the scale tests: replication must cost one hand-off per replica, not one per
   * viewer.
   */
  public record ReplicationFanout(
      String producerId, String kind, int consumersInPrimary, List<Integer> consumersPerPipe) {}

  public List<ReplicationFanout> replicationFanout(MeetingId primaryId) {
    Room room = rooms.get(primaryId);
    if (room == null) {
      return List.of();
    }
    return room.router.producers().stream()
        .map(
            p ->
                new ReplicationFanout(
                    p.id(),
                    p.kind().name().toLowerCase(java.util.Locale.ROOT),
                    p.consumers().size(),
                    p.pipes().stream().map(pipe -> pipe.consumers().size()).toList()))
        .toList();
  }

  /** Mixer counters summed over the live primaries (max for the longest tick). */
  public dev.podium.media.audio.AudioMixerStats mixerTotals() {
    long ticks = 0;
    long encodes = 0;
    long decodes = 0;
    long concealed = 0;
    long late = 0;
    long maxTick = 0;
    long lastTick = 0;
    for (Room room : rooms.values()) {
      if (room.audio == null) {
        continue;
      }
      var stats = room.audio.mixer().stats();
      ticks += stats.ticks();
      encodes += stats.encoderInvocations();
      decodes += stats.decoderInvocations();
      concealed += stats.concealedFrames();
      late += stats.latePackets();
      maxTick = Math.max(maxTick, stats.maxTickNanos());
      lastTick = Math.max(lastTick, stats.lastTickNanos());
    }
    return new dev.podium.media.audio.AudioMixerStats(
        ticks, encodes, decodes, concealed, 0, late, 0, 0, 0, 0, 0, lastTick, maxTick);
  }

  /** Joined participants over all rooms. */
  public int participantCount() {
    return rooms.values().stream().mapToInt(Room::size).sum();
  }

  @Override
  public void onAttendeeDeleted(Attendee attendee) {
    Room room = rooms.get(attendee.meetingId());
    if (room == null) {
      return;
    }
    if (!room.promotions.demotePromoted(
        attendee.attendeeId(),
        StatusCode.DEMOTED_BY_SERVER,
        "your stage credentials were revoked")) {
      room.removeAttendee(
          attendee.attendeeId(), StatusCode.ATTENDEE_REMOVED, "the attendee was removed");
    }
    for (Participant p : sessions.values()) {
      Participant.StageCredentials credentials = p.stageCredentials;
      if (credentials != null
          && credentials.attendeeId().equals(attendee.attendeeId().toString())) {
        p.stageCredentials = null;
      }
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
    synchronized (this) {
      if (speechEngine != null) {
        speechEngine.close();
      }
    }
  }
}
