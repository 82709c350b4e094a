package dev.podium.app.client;

import dev.podium.server.protocol.ServerMessage.AttendeeInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what a session goes through into {@link MeetingEvent}s: most from its own observer calls
 * (it is registered as the session's first observer), the rest from a few hooks in the session's
 * parts ({@link #post}). Runs on the session's event thread, so events keep the order of the
 * observer calls; hands each to the app's {@link MeetingEventObserver}s and to the uploader.
 */
final class MeetingEventRecorder implements MeetingSessionObserver {
  private static final Logger LOG = LoggerFactory.getLogger(MeetingEventRecorder.class);

  /** Reported as {@code sdkVersion} (and sent in {@code join}). */
  static final String SDK_VERSION = "0.2";

  /** Longest error message put in an attribute. */
  static final int MAX_MESSAGE_CHARS = 200;

  private final SessionCore core;
  private final List<MeetingEventObserver> observers = new CopyOnWriteArrayList<>();
  private final AtomicLong emitted = new AtomicLong();
  private volatile MeetingEventReporting reporting = MeetingEventReporting.defaults();
  private volatile MeetingEventUploader uploader;

  // ---- event-thread state
  private long startRequestedAt;
  private long startedAt;
  private long droppedAt;
  private boolean started;
  private int signalingDrops;
  private int poorConnections;
  private int retries;

  MeetingEventRecorder(SessionCore core) {
    this.core = core;
  }

  void addObserver(MeetingEventObserver observer) {
    observers.add(observer);
  }

  void removeObserver(MeetingEventObserver observer) {
    observers.remove(observer);
  }

  void setReporting(MeetingEventReporting value) {
    reporting = value;
  }

  MeetingEventStats stats() {
    MeetingEventUploader u = uploader;
    return u == null
        ? new MeetingEventStats(emitted.get(), 0, 0, 0)
        : new MeetingEventStats(emitted.get(), u.uploaded(), u.dropped(), u.failedBatches());
  }

  // ---- hooks (any thread): the event is stamped now and recorded on the event thread

  /** The server confirmed this attendee (joined): presence received. */
  void joined() {
    post(MeetingEventName.ATTENDEE_PRESENCE_RECEIVED, Map.of());
  }

  void audioInputFailed(String message) {
    post(MeetingEventName.AUDIO_INPUT_FAILED, error(message));
  }

  void videoInputFailed(String message) {
    post(MeetingEventName.VIDEO_INPUT_FAILED, error(message));
  }

  void sendingAudioFailed(String message) {
    post(MeetingEventName.SENDING_AUDIO_FAILED, error(message));
  }

  void reconnectAttempted(int attempt) {
    post(MeetingEventName.RECONNECT_ATTEMPTED, Map.of("retryCount", attempt));
  }

  void post(MeetingEventName name, Map<String, Object> attributes) {
    long at = System.currentTimeMillis();
    core.events.execute(() -> record(name, at, attributes));
  }

  // ---- observer calls (event thread)

  @Override
  public void onSessionStarting(boolean reconnecting) {
    if (!reconnecting) {
      startRequestedAt = System.currentTimeMillis();
      if (reporting.upload()) {
        uploader =
            new MeetingEventUploader(
                core.http,
                core.config.eventIngestionUrl(),
                core.config.joinToken(),
                reporting,
                core.options.operationTimeout(),
                core.name + "-event-upload");
      }
      record(MeetingEventName.MEETING_START_REQUESTED, startRequestedAt, Map.of());
    }
  }

  @Override
  public void onSessionStarted(boolean reconnected) {
    long now = System.currentTimeMillis();
    if (!reconnected) {
      started = true;
      startedAt = now;
      record(
          MeetingEventName.MEETING_START_SUCCEEDED,
          now,
          Map.of("meetingStartDurationMs", now - startRequestedAt));
    } else {
      record(
          MeetingEventName.MEETING_RECONNECTED,
          now,
          Map.of("reconnectDurationMs", now - droppedAt, "retryCount", retries));
    }
  }

  @Override
  public void onSessionReconnecting() {
    droppedAt = System.currentTimeMillis();
    signalingDrops++;
    record(
        MeetingEventName.SIGNALING_DROPPED,
        droppedAt,
        Map.of("signalingDroppedErrorCount", signalingDrops));
  }

  @Override
  public void onConnectionBecamePoor() {
    poorConnections++;
    record(
        MeetingEventName.RECEIVING_AUDIO_DROPPED,
        System.currentTimeMillis(),
        Map.of("poorConnectionCount", poorConnections));
  }

  @Override
  public void onPromoted(MeetingSessionStatus status) {
    AttendeeInfo as = core.stage.promotedAs();
    Map<String, Object> attributes = new LinkedHashMap<>(status(status));
    if (as != null) {
      attributes.put("promotedAttendeeId", as.attendeeId());
    }
    record(MeetingEventName.PROMOTED, System.currentTimeMillis(), attributes);
  }

  @Override
  public void onDemoted(MeetingSessionStatus status) {
    record(MeetingEventName.DEMOTED, System.currentTimeMillis(), status(status));
  }

  @Override
  public void onSessionStopped(MeetingSessionStatus status) {
    if (startRequestedAt == 0) {
      return; // stopped before start: nothing happened
    }
    long now = System.currentTimeMillis();
    Map<String, Object> attributes = new LinkedHashMap<>(status(status));
    if (!started) {
      attributes.put("meetingStartDurationMs", now - startRequestedAt);
      record(MeetingEventName.MEETING_START_FAILED, now, attributes);
    } else {
      attributes.put("meetingDurationMs", now - startedAt);
      attributes.put("signalingDroppedErrorCount", signalingDrops);
      attributes.put("poorConnectionCount", poorConnections);
      attributes.put("retryCount", retries);
      boolean failed =
          status.failure() != null && status.failure() != ClientFailure.SESSION_STOPPED;
      record(
          failed ? MeetingEventName.MEETING_FAILED : MeetingEventName.MEETING_ENDED,
          now,
          attributes);
    }
    MeetingEventUploader u = uploader;
    if (u != null) {
      u.close();
    }
  }

  // ---- recording (event thread)

  private void record(MeetingEventName name, long at, Map<String, Object> specific) {
    if (name == MeetingEventName.RECONNECT_ATTEMPTED) {
      retries++;
    }
    Map<String, Object> attributes = new LinkedHashMap<>(common());
    attributes.putAll(specific);
    MeetingEvent event = new MeetingEvent(name, at, attributes);
    emitted.incrementAndGet();
    for (MeetingEventObserver observer : observers) {
      try {
        observer.onMeetingEvent(event);
      } catch (RuntimeException e) {
        LOG.warn("a meeting event observer failed", e);
      }
    }
    MeetingEventUploader u = uploader;
    if (u != null) {
      u.add(event);
    }
  }

  /** Attributes of every event: who, where, which SDK on which system. */
  private Map<String, Object> common() {
    Map<String, Object> common = new LinkedHashMap<>();
    MeetingSessionConfiguration config = core.config;
    common.put("meetingId", config.meetingId());
    AttendeeInfo self = core.self;
    String attendeeId = self != null ? self.attendeeId() : config.attendeeId();
    String externalUserId = self != null ? self.externalUserId() : config.externalUserId();
    if (attendeeId != null) {
      common.put("attendeeId", attendeeId);
    }
    if (externalUserId != null) {
      common.put("externalUserId", externalUserId);
    }
    if (config.externalMeetingId() != null) {
      common.put("externalMeetingId", config.externalMeetingId());
    }
    common.put("sdkName", "podium-java");
    common.put("sdkVersion", SDK_VERSION);
    common.put("osName", System.getProperty("os.name", "unknown"));
    common.put("osVersion", System.getProperty("os.version", "unknown"));
    common.put("osArch", System.getProperty("os.arch", "unknown"));
    common.put("javaVersion", System.getProperty("java.version", "unknown"));
    return common;
  }

  private static Map<String, Object> status(MeetingSessionStatus status) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put(
        "meetingStatus", status.code() != null ? status.code().name() : status.failure().name());
    if (!status.isOk() && !status.message().isEmpty()) {
      attributes.put("meetingErrorMessage", cut(status.message()));
    }
    return attributes;
  }

  private static Map<String, Object> error(String message) {
    return message == null || message.isEmpty()
        ? Map.of()
        : Map.of("meetingErrorMessage", cut(message));
  }

  private static String cut(String message) {
    return message.length() > MAX_MESSAGE_CHARS ? message.substring(0, MAX_MESSAGE_CHARS) : message;
  }
}
