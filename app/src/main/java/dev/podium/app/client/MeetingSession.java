package dev.podium.app.client;

import dev.podium.server.protocol.ClientMessage;
import dev.podium.server.protocol.ServerMessage.AttendeeInfo;
import dev.podium.server.protocol.ServerMessage.Hand;
import dev.podium.server.protocol.StatusCode;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * One attendee's connection to a Podium meeting (Chime's DefaultMeetingSession + AudioVideo
 * facade): the signaling WebSocket, one webrtc-java RTCPeerConnection, local audio and video,
 * remote video tiles, data messages, and automatic reconnection.
 *
 * <pre>{@code
 * try (MeetingSession session = MeetingSession.create(config, SessionOptions.defaults())) {
 *   session.addObserver(myObserver);
 *   session.start().join();              // joined, media connected
 *   session.startLocalVideo(LocalVideoSource.testPattern(VideoFormat.SD));
 *   session.sendDataMessage("chat", "hi".getBytes(UTF_8), 0);
 * }
 * }</pre>
 *
 * <p>Threads: state lives on the session's control thread; every observer call, listener call and
 * returned future completes on the session's event thread (see the package comment). All methods
 * are non-blocking and callable from any thread except {@link #close()}, which waits.
 *
 * <p>Reconnection: if the WebSocket drops, the session reconnects with back-off and resumes with
 * its resume token within {@link SessionOptions#resumeWindow()} (the server keeps the attendee and
 * its media for 30 s): observers get {@code onSessionReconnecting}, then {@code
 * onSessionStarted(true)}. If the server no longer knows the session, or the media connection
 * FAILS, the session builds a fresh peer connection and negotiates again (same attendee).
 *
 * <p>Replicas: a viewer in a replica meeting sends nothing (its microphone transceiver is inactive,
 * so no device is opened) until {@link #promoteToPrimaryMeeting promoted}; demotion, or any
 * disconnection, stops its microphone again.
 */
public final class MeetingSession implements AutoCloseable {
  private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9_-]{1,36}");

  /** Largest data message payload, as the server enforces it. */
  public static final int MAX_DATA_MESSAGE_BYTES = 2048;

  /** Longest data message lifetime, as the server enforces it. */
  public static final long MAX_DATA_MESSAGE_LIFETIME_MS = 300_000;

  private final SessionCore core;

  private MeetingSession(
      MeetingSessionConfiguration config, SessionOptions options, DeviceManager devices) {
    this.core =
        new SessionCore(
            Objects.requireNonNull(config, "config"),
            Objects.requireNonNull(options, "options"),
            devices);
  }

  /** A session with default options and a fresh {@link DeviceManager}. Call {@link #start()}. */
  public static MeetingSession create(MeetingSessionConfiguration config) {
    return create(config, SessionOptions.defaults());
  }

  /** A session; nothing connects until {@link #start()}. */
  public static MeetingSession create(MeetingSessionConfiguration config, SessionOptions options) {
    return new MeetingSession(config, options, DeviceManager.create());
  }

  /** A session sharing an application's {@link DeviceManager}. */
  public static MeetingSession create(
      MeetingSessionConfiguration config, SessionOptions options, DeviceManager devices) {
    return new MeetingSession(config, options, devices);
  }

  // =================================================================== state

  /** Adds an observer (called on the event thread). */
  public void addObserver(MeetingSessionObserver observer) {
    core.events.addObserver(observer);
  }

  public void removeObserver(MeetingSessionObserver observer) {
    core.events.removeObserver(observer);
  }

  /**
   * Adds an observer of this session's {@link MeetingEvent}s (meeting start requested / succeeded /
   * failed, signaling dropped, …), called on the event thread.
   */
  public void addEventObserver(MeetingEventObserver observer) {
    core.meetingEvents.addObserver(Objects.requireNonNull(observer, "observer"));
  }

  public void removeEventObserver(MeetingEventObserver observer) {
    core.meetingEvents.removeObserver(observer);
  }

  /**
   * How meeting events are uploaded to the meeting's EventIngestionUrl (default: every 5 s or 20
   * events). Takes effect at {@link #start()}; call it before.
   */
  public void setEventReporting(MeetingEventReporting reporting) {
    core.meetingEvents.setReporting(Objects.requireNonNull(reporting, "reporting"));
  }

  /** Counts of meeting events emitted, uploaded and dropped. */
  public MeetingEventStats meetingEventStats() {
    return core.meetingEvents.stats();
  }

  /** The configuration this session joins with. */
  public MeetingSessionConfiguration configuration() {
    return core.config;
  }

  /** The device manager used to pick the audio module and cameras. */
  public DeviceManager deviceManager() {
    return core.devices;
  }

  /** This attendee as the server knows it, or null before joining. */
  public AttendeeInfo self() {
    return core.self;
  }

  /** Whether the server lets this attendee send video now. */
  public boolean canStartLocalVideo() {
    return core.canStartLocalVideo;
  }

  /** Whether the microphone is muted. */
  public boolean isLocalMuted() {
    return core.muted;
  }

  /** Whether this session joined a replica meeting (an audience of a primary). */
  public boolean isReplicaViewer() {
    return core.stage.isReplica();
  }

  /** Whether this replica viewer is promoted onto the primary's stage now. */
  public boolean isPromoted() {
    return core.stage.promotedAs() != null;
  }

  /** The primary attendee this viewer is while promoted, or null. */
  public AttendeeInfo promotedAttendee() {
    return core.stage.promotedAs();
  }

  /** Hosts: the raised hands as last reported by the server, oldest first. */
  public List<Hand> handQueue() {
    return core.stage.hands();
  }

  /** The remote video tiles that exist now. */
  public List<VideoTile> videoTiles() {
    return core.tiles.tiles();
  }

  // =================================================================== life cycle

  /**
   * Joins and connects media. Completes (on the event thread) with OK once joined and the media
   * connection is up, or with why not (then the session is stopped and {@code onSessionStopped}
   * fired). A session starts once.
   */
  public CompletableFuture<MeetingSessionStatus> start() {
    CompletableFuture<MeetingSessionStatus> result = new CompletableFuture<>();
    core.onControl(() -> core.start(result));
    return result;
  }

  /**
   * Leaves the meeting and releases everything. Completes with the final status ({@code LEFT}, or
   * the earlier reason if the session had already ended). Idempotent.
   */
  public CompletableFuture<MeetingSessionStatus> stop() {
    core.onControl(core::stop);
    return core.stopped;
  }

  /** {@link #stop()} and wait (bounded) until native resources are released. */
  @Override
  public void close() {
    stop();
    core.close();
  }

  // =================================================================== local media

  /** Mutes or unmutes the microphone (track disabled: silence is sent) and tells the meeting. */
  public CompletableFuture<MeetingSessionStatus> realtimeSetLocalMute(boolean mute) {
    CompletableFuture<MeetingSessionStatus> result = new CompletableFuture<>();
    core.onControl(
        () -> {
          core.media.setMuted(mute);
          AttendeeInfo me = core.stage.promotedAs() != null ? core.stage.promotedAs() : core.self;
          if (me != null) {
            core.events.emit(o -> o.onMuteStateChanged(me.attendeeId(), mute));
          }
          core.requestToServer(new ClientMessage.SetMute(core.nextId(), mute), result);
        });
    return result;
  }

  /**
   * Starts sending local video from {@code source} (replacing a running one), as two simulcast
   * layers unless disabled in the options or the first format is under 360 lines high (libwebrtc
   * would send one layer only). If the server does not allow video now, {@code
   * onVideoSendUnavailable} fires and the future completes with {@code VIDEO_SEND_UNAVAILABLE}.
   */
  public CompletableFuture<MeetingSessionStatus> startLocalVideo(LocalVideoSource source) {
    Objects.requireNonNull(source, "source");
    CompletableFuture<MeetingSessionStatus> result = new CompletableFuture<>();
    core.onControl(() -> core.media.startLocalVideo(source, result));
    return result;
  }

  /** Stops sending local video. */
  public CompletableFuture<MeetingSessionStatus> stopLocalVideo() {
    CompletableFuture<MeetingSessionStatus> result = new CompletableFuture<>();
    core.onControl(
        () -> {
          core.media.stopLocalVideo();
          core.events.complete(result, MeetingSessionStatus.ok());
        });
    return result;
  }

  // =================================================================== remote video

  /**
   * Delivers the frames of tile {@code tileId} to {@code listener} (replacing any previous one).
   */
  public void bindVideoTile(int tileId, VideoFrameListener listener) {
    RemoteTile tile = core.tiles.byId(tileId);
    if (tile == null) {
      throw new IllegalArgumentException("no video tile " + tileId);
    }
    tile.bind(listener);
  }

  /** Stops delivering frames of tile {@code tileId}. */
  public void unbindVideoTile(int tileId) {
    RemoteTile tile = core.tiles.byId(tileId);
    if (tile != null) {
      tile.bind(null);
    }
  }

  /**
   * The size a tile is drawn at, so the server forwards the smallest simulcast layer that covers
   * it; sent to the server ({@code video-preferences}) now and after each renegotiation.
   */
  public void setVideoTileRenderSize(int tileId, int width, int height) {
    core.tiles.setRenderSize(tileId, width, height);
    core.onControl(core.media::sendVideoPreferences);
  }

  /**
   * A tile's priority (higher first): under bandwidth pressure lower-priority tiles drop to the low
   * layer, then pause ({@link MeetingSessionObserver#onVideoTilePausedByBandwidth}), first.
   */
  public void setVideoTilePriority(int tileId, int priority) {
    core.tiles.setPriority(tileId, priority);
    core.onControl(core.media::sendVideoPreferences);
  }

  /**
   * Shares content (a screen or a file; here frames from {@code source}, e.g. a {@link
   * LocalVideoSource.Generated} fed by a screen grabber) as a second source of this attendee, which
   * others see as {@code <attendeeId>#content}. Capped at 1280x720 and 15 fps. Completes with OK
   * once the server accepted it, or {@code CONTENT_SHARE_UNAVAILABLE} when the meeting already has
   * its content share.
   */
  public CompletableFuture<MeetingSessionStatus> startContentShare(LocalVideoSource source) {
    CompletableFuture<MeetingSessionStatus> result = new CompletableFuture<>();
    core.onControl(() -> core.media.startContentShare(source, result));
    return result;
  }

  /** Stops sharing content (no-op when not sharing). */
  public void stopContentShare() {
    core.onControl(core.media::stopContentShare);
  }

  // =================================================================== data messages

  /**
   * Sends a data message to the meeting's other attendees. Completes with OK, or why not: an
   * invalid topic or a payload over {@value #MAX_DATA_MESSAGE_BYTES} bytes is refused here with the
   * same code the server uses ({@code DATA_MESSAGE_INVALID_TOPIC}, {@code DATA_MESSAGE_TOO_LARGE});
   * throttling and other refusals come from the server.
   *
   * @param lifetimeMs how long late joiners still receive it (0 for not at all; at most 5 min)
   */
  public CompletableFuture<MeetingSessionStatus> sendDataMessage(
      String topic, byte[] data, long lifetimeMs) {
    MeetingSessionStatus invalid = validateData(topic, data, lifetimeMs);
    if (invalid != null) {
      return core.completed(invalid);
    }
    CompletableFuture<MeetingSessionStatus> result = new CompletableFuture<>();
    String payload = Base64.getEncoder().encodeToString(data);
    core.onControl(
        () ->
            core.requestToServer(
                new ClientMessage.SendData(
                    core.nextId(), topic, payload, lifetimeMs > 0 ? lifetimeMs : null),
                result));
    return result;
  }

  /** Calls {@code listener} for each data message on {@code topic}. */
  public void subscribeToDataMessages(String topic, DataMessageListener listener) {
    core.events.subscribe(topic, listener);
  }

  public void unsubscribeFromDataMessages(String topic, DataMessageListener listener) {
    core.events.unsubscribe(topic, listener);
  }

  // =================================================================== replicas and webinar

  /**
   * Promotes this replica viewer onto the primary meeting's stage, over the same connection, with
   * the credentials of an attendee of the primary. Completes with OK once promoted and the
   * microphone is negotiated ({@code onPromoted} fired before), or with the server's refusal:
   * {@code PROMOTION_REJECTED}, {@code PROMOTION_WRONG_PRIMARY}, {@code PRIMARY_AT_CAPACITY},
   * {@code ALREADY_PROMOTED}, {@code NOT_A_REPLICA_ATTENDEE}.
   */
  public CompletableFuture<MeetingSessionStatus> promoteToPrimaryMeeting(
      PromotionCredentials credentials) {
    Objects.requireNonNull(credentials, "credentials");
    CompletableFuture<MeetingSessionStatus> result = new CompletableFuture<>();
    core.onControl(() -> core.stage.promote(credentials, result));
    return result;
  }

  /**
   * Goes back to plain viewer. Completes with the server's status (OK, {@code NOT_PROMOTED}, …);
   * {@code onDemoted(DEMOTED_BY_CLIENT)} follows.
   */
  public CompletableFuture<MeetingSessionStatus> demoteFromPrimaryMeeting() {
    CompletableFuture<MeetingSessionStatus> result = new CompletableFuture<>();
    core.onControl(() -> core.stage.demote(result));
    return result;
  }

  /**
   * Raises (or lowers) this viewer's hand for the hosts ({@code NOT_A_REPLICA_ATTENDEE} if not).
   */
  public CompletableFuture<MeetingSessionStatus> setHandRaised(boolean raised) {
    CompletableFuture<MeetingSessionStatus> result = new CompletableFuture<>();
    core.onControl(() -> core.stage.setHandRaised(raised, result));
    return result;
  }

  /**
   * Hosts: brings a viewer (its replica AttendeeId) to the stage; it receives a private stage
   * invitation. Refusals: {@code NOT_A_HOST}, {@code ATTENDEE_NOT_FOUND}.
   */
  public CompletableFuture<MeetingSessionStatus> bringToStage(String viewerAttendeeId) {
    return hostAction("bring-to-stage", viewerAttendeeId);
  }

  /** Hosts: lowers a viewer's raised hand (its replica AttendeeId). */
  public CompletableFuture<MeetingSessionStatus> dismissHand(String viewerAttendeeId) {
    return hostAction("dismiss", viewerAttendeeId);
  }

  /** Hosts: demotes a promoted viewer (its primary AttendeeId): it gets DEMOTED_BY_SERVER. */
  public CompletableFuture<MeetingSessionStatus> sendBack(String stageAttendeeId) {
    return hostAction("send-back", stageAttendeeId);
  }

  /** Hosts: mutes an attendee on the stage (primary AttendeeId) on the server. */
  public CompletableFuture<MeetingSessionStatus> muteAttendee(String stageAttendeeId) {
    return hostAction("mute", stageAttendeeId);
  }

  /**
   * Hosts: removes an attendee from the stage (primary AttendeeId), as DeleteAttendee does: a
   * promoted viewer is demoted, an attendee of the primary is ended.
   */
  public CompletableFuture<MeetingSessionStatus> removeAttendee(String stageAttendeeId) {
    return hostAction("remove", stageAttendeeId);
  }

  /**
   * Hosts: starts live captions of the primary meeting (en-US); everyone then gets {@link
   * TranscriptionStatus} {@code STARTED} and {@link Transcript} events. Refusals: {@code
   * NOT_A_HOST}, {@code INTERNAL_ERROR} when the server has no speech engine.
   */
  public CompletableFuture<MeetingSessionStatus> startTranscription() {
    return meetingAction("start-transcription");
  }

  /** Hosts: stops live captions; everyone gets {@link TranscriptionStatus} {@code STOPPED}. */
  public CompletableFuture<MeetingSessionStatus> stopTranscription() {
    return meetingAction("stop-transcription");
  }

  private CompletableFuture<MeetingSessionStatus> meetingAction(String action) {
    CompletableFuture<MeetingSessionStatus> result = new CompletableFuture<>();
    core.onControl(
        () ->
            core.requestToServer(
                new ClientMessage.HostAction(core.nextId(), action, null), result));
    return result;
  }

  private CompletableFuture<MeetingSessionStatus> hostAction(String action, String attendeeId) {
    Objects.requireNonNull(attendeeId, "attendeeId");
    CompletableFuture<MeetingSessionStatus> result = new CompletableFuture<>();
    core.onControl(() -> core.stage.hostAction(action, attendeeId, result));
    return result;
  }

  @Override
  public String toString() {
    return "MeetingSession[" + core.name + " " + core.config + "]";
  }

  // =================================================================== test hooks

  /** Drops the signaling TCP connection as a network failure would (tests). */
  void dropSignalingForTest() {
    SignalingClient client = core.signaling;
    if (client != null) {
      client.abort();
    }
  }

  /** Frames delivered on the event thread for a tile (tests). */
  long framesDelivered(int tileId) {
    RemoteTile tile = core.tiles.byId(tileId);
    return tile == null ? 0 : tile.framesDelivered();
  }

  /** Stored layer hints of a tile: width, height, priority (tests). */
  int[] renderHints(int tileId) {
    return core.tiles.renderHints(tileId);
  }

  /** 10 ms blocks of generated audio pushed so far (tests). */
  long audioBlocksPushed() {
    MediaStack stack = core.stack;
    return stack == null ? 0 : stack.audioBlocksPushed();
  }

  // =================================================================== helpers

  private static MeetingSessionStatus validateData(String topic, byte[] data, long lifetimeMs) {
    if (topic == null || !TOPIC.matcher(topic).matches()) {
      return MeetingSessionStatus.of(
          StatusCode.DATA_MESSAGE_INVALID_TOPIC,
          "topic must be 1-36 characters of letters, digits, '-' or '_'");
    }
    if (data == null) {
      return MeetingSessionStatus.of(StatusCode.BAD_REQUEST, "data is required");
    }
    if (data.length > MAX_DATA_MESSAGE_BYTES) {
      return MeetingSessionStatus.of(
          StatusCode.DATA_MESSAGE_TOO_LARGE,
          "data is " + data.length + " bytes; the limit is " + MAX_DATA_MESSAGE_BYTES);
    }
    if (lifetimeMs < 0 || lifetimeMs > MAX_DATA_MESSAGE_LIFETIME_MS) {
      return MeetingSessionStatus.of(
          StatusCode.BAD_REQUEST,
          "lifetimeMs must be between 0 and " + MAX_DATA_MESSAGE_LIFETIME_MS);
    }
    return null;
  }
}
