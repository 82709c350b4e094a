package dev.podium.server.meeting;

import dev.podium.server.meeting.AuthenticationResult.Authenticated;
import dev.podium.server.meeting.AuthenticationResult.Refused;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The meeting registry: creates and deletes meetings and attendees (write-through to a {@link
 * MeetingRepository}), authenticates JoinTokens, counts connections against capacity, and deletes
 * idle primaries. All state changes run under one lock; listeners are told afterwards.
 */
public final class MeetingService {
  private static final Logger log = LoggerFactory.getLogger(MeetingService.class);

  /** ExternalUserId length limits (Chime). */
  public static final int EXTERNAL_USER_ID_MIN = 2;

  public static final int EXTERNAL_USER_ID_MAX = 64;

  private final Object lock = new Object();
  private final MeetingRepository repository;
  private final MeetingLimits limits;
  private final Clock clock;
  private final Map<MeetingId, MeetingState> meetings = new HashMap<>();
  private final Map<TokenHash, StoredAttendee> liveTokens = new HashMap<>();
  private final Map<TokenHash, MeetingId> revokedTokens = new HashMap<>();
  private final Map<String, MeetingId> clientRequestTokens = new HashMap<>();
  private final List<MeetingListener> listeners = new CopyOnWriteArrayList<>();
  private final ServerEvents events = new ServerEvents();
  private long nextSequence = 1;

  /** Loads the repository's state; every primary starts idle (nobody is connected yet). */
  public MeetingService(MeetingRepository repository, MeetingLimits limits, Clock clock) {
    this.repository = Objects.requireNonNull(repository, "repository");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.clock = Objects.requireNonNull(clock, "clock");
    StoredState state = repository.load();
    Instant now = clock.instant();
    for (Meeting meeting : state.meetings()) {
      meetings.put(meeting.meetingId(), new MeetingState(meeting, now));
    }
    for (Meeting meeting : state.meetings()) {
      meeting.primary().map(meetings::get).ifPresent(p -> p.replicas.add(meeting.meetingId()));
    }
    for (StoredAttendee stored : state.attendees()) {
      nextSequence = Math.max(nextSequence, stored.sequence() + 1);
      MeetingState owner = meetings.get(stored.attendee().meetingId());
      if (stored.deleted() || owner == null) {
        revokedTokens.put(stored.tokenHash(), stored.attendee().meetingId());
      } else {
        owner.add(stored);
        liveTokens.put(stored.tokenHash(), stored);
      }
    }
    clientRequestTokens.putAll(state.clientRequestTokens());
    log.info(
        "Loaded {} meetings and {} attendees from the store", meetings.size(), liveTokens.size());
  }

  public MeetingLimits limits() {
    return limits;
  }

  public void addListener(MeetingListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  public void removeListener(MeetingListener listener) {
    listeners.remove(listener);
  }

  /** Life-cycle events of meetings and attendees (webhooks): register with addListener. */
  public ServerEvents events() {
    return events;
  }

  // ---- meetings ----

  /**
   * CreateMeeting. With a ClientRequestToken already used, returns that token's meeting as long as
   * it exists.
   */
  public Meeting createMeeting(MeetingSpec spec) {
    synchronized (lock) {
      Meeting existing = idempotentReplay(spec);
      return existing != null ? existing : insertMeeting(spec);
    }
  }

  /**
   * CreateMeetingWithAttendees: the meeting, then each attendee as in a batch create. A replayed
   * ClientRequestToken is refused (409), since the first call's JoinTokens cannot be shown again.
   */
  public MeetingWithAttendees createMeetingWithAttendees(
      MeetingSpec spec, List<AttendeeSpec> attendees) {
    Meeting meeting;
    synchronized (lock) {
      Meeting existing = idempotentReplay(spec);
      if (existing != null) {
        throw new MeetingServiceException(
            MeetingErrorKind.CONFLICT,
            "ClientRequestToken was already used for meeting "
                + existing.meetingId()
                + "; its attendees' JoinTokens cannot be returned again: use a new"
                + " ClientRequestToken or CreateMeeting");
      }
      meeting = insertMeeting(spec);
    }
    return new MeetingWithAttendees(meeting, batchCreateAttendees(meeting.meetingId(), attendees));
  }

  private Meeting idempotentReplay(MeetingSpec spec) {
    if (spec.clientRequestToken() == null) {
      return null;
    }
    MeetingId id = clientRequestTokens.get(spec.clientRequestToken());
    MeetingState state = id == null ? null : meetings.get(id);
    return state == null ? null : state.meeting;
  }

  private Meeting insertMeeting(MeetingSpec spec) {
    if (meetings.size() >= limits.maxMeetings()) {
      throw new MeetingServiceException(
          MeetingErrorKind.LIMIT_EXCEEDED,
          "this server already holds " + limits.maxMeetings() + " meetings (the maximum)");
    }
    MeetingFeatures features =
        spec.features() == null
            ? MeetingFeatures.defaults(limits.maxConnectedAttendees())
            : spec.features();
    if (features.attendeeMaxCount() < 1
        || features.attendeeMaxCount() > limits.maxConnectedAttendees()) {
      throw MeetingServiceException.badRequest(
          "MeetingFeatures.Attendee.MaxCount must be between 1 and "
              + limits.maxConnectedAttendees()
              + " (got "
              + features.attendeeMaxCount()
              + ")");
    }
    MeetingState primary = null;
    if (spec.primaryMeetingId() != null) {
      primary = meetings.get(spec.primaryMeetingId());
      if (primary == null) {
        throw MeetingServiceException.notFound(
            "PrimaryMeetingId " + spec.primaryMeetingId() + " does not exist");
      }
      if (primary.meeting.isReplica()) {
        throw MeetingServiceException.badRequest(
            "PrimaryMeetingId "
                + spec.primaryMeetingId()
                + " is a replica meeting: replicas cannot be replicated");
      }
      if (primary.replicas.size() >= limits.maxReplicasPerPrimary()) {
        throw new MeetingServiceException(
            MeetingErrorKind.LIMIT_EXCEEDED,
            "primary meeting "
                + spec.primaryMeetingId()
                + " already has "
                + primary.replicas.size()
                + " replicas (the maximum is "
                + limits.maxReplicasPerPrimary()
                + ")");
      }
    }
    Instant now = clock.instant();
    Meeting meeting =
        new Meeting(
            MeetingId.random(),
            spec.externalMeetingId(),
            spec.mediaRegion(),
            spec.primaryMeetingId(),
            features,
            now);
    repository.insertMeeting(meeting, spec.clientRequestToken());
    meetings.put(meeting.meetingId(), new MeetingState(meeting, now));
    if (primary != null) {
      primary.replicas.add(meeting.meetingId());
    }
    if (spec.clientRequestToken() != null) {
      clientRequestTokens.put(spec.clientRequestToken(), meeting.meetingId());
    }
    log.info(
        "Meeting {} created{}",
        meeting.meetingId(),
        meeting.isReplica() ? " as a replica of " + meeting.primaryMeetingId() : "");
    events.onMeetingStarted(meeting);
    return meeting;
  }

  /** GetMeeting. */
  public Meeting getMeeting(MeetingId meetingId) {
    synchronized (lock) {
      return state(meetingId).meeting;
    }
  }

  /** The meeting, if it exists. */
  public Optional<Meeting> findMeeting(MeetingId meetingId) {
    synchronized (lock) {
      MeetingState state = meetings.get(meetingId);
      return state == null ? Optional.empty() : Optional.of(state.meeting);
    }
  }

  /** The replicas of a primary, in creation order. */
  public List<Meeting> replicasOf(MeetingId primaryId) {
    synchronized (lock) {
      return state(primaryId).replicas.stream().map(id -> meetings.get(id).meeting).toList();
    }
  }

  /** DeleteMeeting: a primary goes with its replicas; all their attendees are deleted. */
  public void deleteMeeting(MeetingId meetingId) {
    deleteMeeting(meetingId, MeetingDeletionReason.DELETED_BY_API);
  }

  private void deleteMeeting(MeetingId meetingId, MeetingDeletionReason reason) {
    List<Meeting> deleted = new ArrayList<>();
    synchronized (lock) {
      MeetingState state = state(meetingId);
      for (MeetingId replica : state.replicas) {
        deleted.add(meetings.get(replica).meeting);
      }
      deleted.add(state.meeting);
      repository.deleteMeetings(deleted.stream().map(Meeting::meetingId).toList());
      for (Meeting meeting : deleted) {
        MeetingState gone = meetings.remove(meeting.meetingId());
        for (StoredAttendee stored : gone.bySequence.values()) {
          liveTokens.remove(stored.tokenHash());
          revokedTokens.put(stored.tokenHash(), meeting.meetingId());
        }
      }
      state.meeting.primary().map(meetings::get).ifPresent(p -> p.replicas.remove(meetingId));
      Set<MeetingId> ids = new HashSet<>(deleted.stream().map(Meeting::meetingId).toList());
      clientRequestTokens.values().removeIf(ids::contains);
    }
    for (Meeting meeting : deleted) {
      MeetingDeletionReason why =
          meeting.meetingId().equals(meetingId) ? reason : MeetingDeletionReason.PRIMARY_DELETED;
      log.info("Meeting {} deleted ({})", meeting.meetingId(), why);
      events.onMeetingEnded(meeting, why);
      notifyListeners(l -> l.onMeetingDeleted(meeting, why));
    }
  }

  // ---- attendees ----

  /** CreateAttendee. */
  public CreatedAttendee createAttendee(MeetingId meetingId, AttendeeSpec spec) {
    BatchCreateResult result = batchCreateAttendees(meetingId, List.of(spec));
    if (!result.errors().isEmpty()) {
      AttendeeError error = result.errors().get(0);
      throw new MeetingServiceException(error.kind(), error.message());
    }
    return result.attendees().get(0);
  }

  /**
   * BatchCreateAttendee: creates every valid item, all in one store transaction, and reports each
   * refused item with its reason.
   */
  public BatchCreateResult batchCreateAttendees(MeetingId meetingId, List<AttendeeSpec> specs) {
    List<CreatedAttendee> created = new ArrayList<>();
    List<AttendeeError> errors = new ArrayList<>();
    synchronized (lock) {
      MeetingState state = state(meetingId);
      List<StoredAttendee> toStore = new ArrayList<>();
      Set<String> inBatch = new HashSet<>();
      for (AttendeeSpec spec : specs) {
        Optional<AttendeeError> error = validate(state, spec, inBatch, toStore.size());
        if (error.isPresent()) {
          errors.add(error.get());
          continue;
        }
        inBatch.add(spec.externalUserId());
        AttendeeRole role = spec.role();
        if (role == null) {
          role = state.meeting.isReplica() ? AttendeeRole.VIEWER : AttendeeRole.PRESENTER;
        }
        Attendee attendee =
            new Attendee(
                AttendeeId.random(), meetingId, spec.externalUserId(), spec.capabilities(), role);
        String token = JoinTokens.newToken();
        toStore.add(
            new StoredAttendee(
                attendee, nextSequence + toStore.size(), JoinTokens.hash(token), false));
        created.add(new CreatedAttendee(attendee, token));
      }
      if (!toStore.isEmpty()) {
        repository.insertAttendees(toStore);
        nextSequence += toStore.size();
        for (StoredAttendee stored : toStore) {
          state.add(stored);
          liveTokens.put(stored.tokenHash(), stored);
        }
      }
    }
    for (CreatedAttendee c : created) {
      log.info("Attendee {} created in meeting {}", c.attendee().attendeeId(), meetingId);
    }
    return new BatchCreateResult(created, errors);
  }

  private Optional<AttendeeError> validate(
      MeetingState state, AttendeeSpec spec, Set<String> inBatch, int pending) {
    String id = spec.externalUserId();
    String problem = null;
    MeetingErrorKind kind = MeetingErrorKind.BAD_REQUEST;
    if (id.length() < EXTERNAL_USER_ID_MIN || id.length() > EXTERNAL_USER_ID_MAX) {
      problem =
          "ExternalUserId must be "
              + EXTERNAL_USER_ID_MIN
              + " to "
              + EXTERNAL_USER_ID_MAX
              + " characters long (got "
              + id.length()
              + ")";
    } else if (id.chars().anyMatch(Character::isISOControl)) {
      problem = "ExternalUserId must not contain control characters";
    } else if (spec.capabilities().violation().isPresent()) {
      problem = spec.capabilities().violation().get();
    } else if (state.meeting.isReplica()
        && spec.role() != null
        && spec.role() != AttendeeRole.VIEWER) {
      problem =
          "Role "
              + spec.role().wireName()
              + " is not allowed in a replica meeting: replica attendees are viewers (create"
              + " hosts and presenters in the primary)";
    } else if (state.byExternalUserId.containsKey(id) || inBatch.contains(id)) {
      kind = MeetingErrorKind.CONFLICT;
      AttendeeId existing = state.byExternalUserId.get(id);
      problem =
          "ExternalUserId '"
              + id
              + "' already has an attendee in meeting "
              + state.meeting.meetingId()
              + (existing != null ? " (AttendeeId " + existing + ")" : " (twice in this request)");
    } else if (state.bySequence.size() + pending >= limits.maxAttendeesPerMeeting()) {
      kind = MeetingErrorKind.LIMIT_EXCEEDED;
      problem =
          "meeting "
              + state.meeting.meetingId()
              + " already has "
              + limits.maxAttendeesPerMeeting()
              + " attendees (the maximum)";
    }
    return problem == null ? Optional.empty() : Optional.of(new AttendeeError(id, kind, problem));
  }

  /** GetAttendee. */
  public Attendee getAttendee(MeetingId meetingId, AttendeeId attendeeId) {
    synchronized (lock) {
      return attendee(state(meetingId), attendeeId).attendee();
    }
  }

  /**
   * ListAttendees in creation order.
   *
   * @param nextToken null for the first page, else the previous page's {@code nextToken}
   */
  public AttendeePage listAttendees(MeetingId meetingId, int maxResults, String nextToken) {
    if (maxResults < 1) {
      throw MeetingServiceException.badRequest("max-results must be at least 1");
    }
    long after = nextToken == null ? 0 : PageTokens.decode(nextToken);
    synchronized (lock) {
      MeetingState state = state(meetingId);
      List<Attendee> page = new ArrayList<>();
      Long last = null;
      for (Map.Entry<Long, StoredAttendee> e : state.bySequence.tailMap(after, false).entrySet()) {
        if (page.size() == maxResults) {
          return new AttendeePage(page, PageTokens.encode(last));
        }
        page.add(e.getValue().attendee());
        last = e.getKey();
      }
      return new AttendeePage(page, null);
    }
  }

  /** DeleteAttendee: revokes its token; listeners disconnect it. */
  public void deleteAttendee(MeetingId meetingId, AttendeeId attendeeId) {
    Attendee deleted;
    synchronized (lock) {
      MeetingState state = state(meetingId);
      StoredAttendee stored = attendee(state, attendeeId);
      repository.markAttendeeDeleted(attendeeId);
      state.remove(attendeeId);
      liveTokens.remove(stored.tokenHash());
      revokedTokens.put(stored.tokenHash(), meetingId);
      markIdleIfEmpty(state);
      deleted = stored.attendee();
    }
    log.info("Attendee {} deleted from meeting {}", attendeeId, meetingId);
    notifyListeners(l -> l.onAttendeeDeleted(deleted));
  }

  /** UpdateAttendeeCapabilities. */
  public Attendee updateCapabilities(
      MeetingId meetingId, AttendeeId attendeeId, Capabilities capabilities) {
    capabilities
        .violation()
        .ifPresent(
            v -> {
              throw MeetingServiceException.badRequest(v);
            });
    Attendee updated;
    synchronized (lock) {
      MeetingState state = state(meetingId);
      StoredAttendee stored = attendee(state, attendeeId);
      repository.updateCapabilities(attendeeId, capabilities);
      updated = stored.attendee().withCapabilities(capabilities);
      StoredAttendee replaced =
          new StoredAttendee(updated, stored.sequence(), stored.tokenHash(), false);
      state.replace(replaced);
      liveTokens.put(stored.tokenHash(), replaced);
    }
    notifyListeners(l -> l.onAttendeeUpdated(updated));
    return updated;
  }

  // ---- join tokens and connections ----

  /**
   * Checks a JoinToken presented to join {@code meetingId}. The token is hashed, looked up by hash,
   * and the stored hash compared in constant time.
   */
  public AuthenticationResult authenticate(MeetingId meetingId, String token) {
    if (meetingId == null || token == null || token.isEmpty()) {
      return new Refused(
          meetingId == null
              ? AuthenticationFailure.MEETING_NOT_FOUND
              : AuthenticationFailure.UNKNOWN_TOKEN);
    }
    TokenHash presented = JoinTokens.hash(token);
    synchronized (lock) {
      StoredAttendee stored = liveTokens.get(presented);
      if (stored != null && stored.tokenHash().matches(presented)) {
        Attendee attendee = stored.attendee();
        if (!attendee.meetingId().equals(meetingId)) {
          return new Refused(
              meetings.containsKey(meetingId)
                  ? AuthenticationFailure.WRONG_MEETING
                  : AuthenticationFailure.MEETING_NOT_FOUND);
        }
        return new Authenticated(attendee, meetings.get(meetingId).meeting);
      }
      if (revokedTokens.containsKey(presented)) {
        return new Refused(AuthenticationFailure.ATTENDEE_DELETED);
      }
      return new Refused(
          meetings.containsKey(meetingId)
              ? AuthenticationFailure.UNKNOWN_TOKEN
              : AuthenticationFailure.MEETING_NOT_FOUND);
    }
  }

  /**
   * Counts the attendee as connected if its meeting has room (the smaller of the server's maximum
   * and the meeting's Attendee.MaxCount). Connecting again while connected (a resumed connection)
   * succeeds without counting twice.
   */
  public ConnectResult tryConnect(Attendee attendee) {
    synchronized (lock) {
      MeetingState state = meetings.get(attendee.meetingId());
      if (state == null || state.get(attendee.attendeeId()) == null) {
        return ConnectResult.ATTENDEE_DELETED;
      }
      if (state.connected.contains(attendee.attendeeId())) {
        return ConnectResult.CONNECTED;
      }
      if (state.connected.size() >= state.capacity(limits)) {
        return ConnectResult.MEETING_AT_CAPACITY;
      }
      state.connected.add(attendee.attendeeId());
      state.idleSince = null;
      return ConnectResult.CONNECTED;
    }
  }

  /** The attendee's connection ended; the meeting may become idle. Idempotent. */
  public void disconnected(Attendee attendee) {
    synchronized (lock) {
      MeetingState state = meetings.get(attendee.meetingId());
      if (state != null && state.connected.remove(attendee.attendeeId())) {
        markIdleIfEmpty(state);
      }
    }
  }

  private void markIdleIfEmpty(MeetingState state) {
    if (state.connected.isEmpty() && state.idleSince == null) {
      state.idleSince = clock.instant();
    }
  }

  /**
   * Deletes (with their replicas) the primaries that have had no connected attendee for the
   * configured idle time. Replicas are never deleted here on their own. Returns how many primaries
   * were deleted.
   */
  public int sweepIdleMeetings() {
    List<MeetingId> idle = new ArrayList<>();
    synchronized (lock) {
      Instant deadline = clock.instant().minus(limits.primaryIdleTimeout());
      for (MeetingState state : meetings.values()) {
        if (!state.meeting.isReplica()
            && state.idleSince != null
            && !state.idleSince.isAfter(deadline)) {
          idle.add(state.meeting.meetingId());
        }
      }
    }
    int deleted = 0;
    for (MeetingId id : idle) {
      try {
        deleteMeeting(id, MeetingDeletionReason.IDLE_TIMEOUT);
        deleted++;
      } catch (MeetingServiceException e) {
        // Deleted meanwhile (NOT_FOUND) or the store failed: try again on the next sweep.
        log.warn("Idle meeting {} not deleted: {}", id, e.getMessage());
      }
    }
    return deleted;
  }

  // ---- figures for metrics ----

  /** Meetings that exist, primaries and replicas. */
  public int meetingCount() {
    synchronized (lock) {
      return meetings.size();
    }
  }

  /** Attendees that exist (not deleted). */
  public int attendeeCount() {
    synchronized (lock) {
      return liveTokens.size();
    }
  }

  /** Attendees counted as connected, over all meetings. */
  public int connectedCount() {
    synchronized (lock) {
      return meetings.values().stream().mapToInt(s -> s.connected.size()).sum();
    }
  }

  /** Attendees that exist (not deleted) in one meeting. */
  public int attendeeCount(MeetingId meetingId) {
    synchronized (lock) {
      return state(meetingId).bySequence.size();
    }
  }

  /** How many attendees one meeting may have connected at once. */
  public int capacity(MeetingId meetingId) {
    synchronized (lock) {
      return state(meetingId).capacity(limits);
    }
  }

  /** Attendees counted as connected in one meeting. */
  public int connectedCount(MeetingId meetingId) {
    synchronized (lock) {
      return state(meetingId).connected.size();
    }
  }

  // ---- helpers ----

  private MeetingState state(MeetingId meetingId) {
    MeetingState state = meetings.get(meetingId);
    if (state == null) {
      throw MeetingServiceException.notFound("Meeting " + meetingId + " does not exist");
    }
    return state;
  }

  private static StoredAttendee attendee(MeetingState state, AttendeeId attendeeId) {
    StoredAttendee stored = state.get(attendeeId);
    if (stored == null) {
      throw MeetingServiceException.notFound(
          "Attendee " + attendeeId + " does not exist in meeting " + state.meeting.meetingId());
    }
    return stored;
  }

  private void notifyListeners(java.util.function.Consumer<MeetingListener> call) {
    for (MeetingListener listener : listeners) {
      try {
        call.accept(listener);
      } catch (RuntimeException e) {
        log.warn("Meeting listener {} failed", listener, e);
      }
    }
  }
}
