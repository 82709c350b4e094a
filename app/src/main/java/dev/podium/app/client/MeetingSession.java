package dev.podium.app.client;

import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.media.video.CustomVideoSource;
import dev.onvoid.webrtc.media.video.VideoCaptureCapability;
import dev.onvoid.webrtc.media.video.VideoDevice;
import dev.onvoid.webrtc.media.video.VideoDeviceSource;
import dev.onvoid.webrtc.media.video.VideoTrack;
import dev.podium.server.protocol.ClientMessage;
import dev.podium.server.protocol.ServerMessage;
import dev.podium.server.protocol.ServerMessage.AttendeeInfo;
import dev.podium.server.protocol.ServerMessage.PresenceState;
import dev.podium.server.protocol.ServerMessage.SourceInfo;
import dev.podium.server.protocol.SignalCodec;
import dev.podium.server.protocol.SignalMessage;
import dev.podium.server.protocol.StatusCode;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 */
public final class MeetingSession implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MeetingSession.class);
  private static final AtomicInteger SESSIONS = new AtomicInteger();
  private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9_-]{1,36}");

  /** Largest data message payload, as the server enforces it. */
  public static final int MAX_DATA_MESSAGE_BYTES = 2048;

  /** Longest data message lifetime, as the server enforces it. */
  public static final long MAX_DATA_MESSAGE_LIFETIME_MS = 300_000;

  private enum State {
    NEW,
    CONNECTING,
    STARTED,
    RECONNECTING,
    STOPPED
  }

  private final MeetingSessionConfiguration config;
  private final SessionOptions options;
  private final DeviceManager devices;
  private final String name;
  private final ScheduledExecutorService control;
  private final ScheduledExecutorService videoThread;
  private final SessionEvents events;
  private final SignalCodec codec = new SignalCodec();
  private final HttpClient http;
  private final AtomicLong requestIds = new AtomicLong();
  private final Map<Integer, RemoteTile> tilesById = new ConcurrentHashMap<>();
  private final Map<Integer, int[]> tileRenderHints = new ConcurrentHashMap<>();
  private final CompletableFuture<MeetingSessionStatus> stopped = new CompletableFuture<>();

  // ---- control-thread state
  private State state = State.NEW;
  private volatile SignalingClient signaling;
  private MediaStack stack;
  private PeerSession peer;
  private String resumeToken;
  private volatile AttendeeInfo self;
  private volatile boolean canStartLocalVideo;
  private volatile boolean muted;
  private final Map<String, AttendeeInfo> roster = new LinkedHashMap<>();
  private List<SourceInfo> sources = List.of();
  private List<String> activeSpeakers = List.of();
  private final Map<String, RemoteTile> tilesBySource = new LinkedHashMap<>();
  private int nextTileId = 1;
  private boolean negotiationNeeded;
  private boolean negotiationQueued;
  private boolean connectionPoor;
  private VideoTrack localVideoTrack;
  private LocalVideoFeed localFeed;
  private VideoDeviceSource camera;
  private CustomVideoSource generatedSource;
  private VideoTrack generatedTrack;
  private ScheduledFuture<?> pingTask;
  private long reconnectDeadline;
  private int reconnectAttempt;
  private CompletableFuture<MeetingSessionStatus> startFuture;

  private MeetingSession(
      MeetingSessionConfiguration config, SessionOptions options, DeviceManager devices) {
    this.config = Objects.requireNonNull(config, "config");
    this.options = Objects.requireNonNull(options, "options");
    this.devices = devices;
    this.name = "podium-session-" + SESSIONS.incrementAndGet();
    this.control = singleThread(name + "-control");
    this.videoThread = singleThread(name + "-video");
    this.events = new SessionEvents(name);
    HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(options.operationTimeout());
    if (config.certificateSha256() != null) {
      builder.sslContext(CertificatePinning.sslContext(config.certificateSha256()));
    }
    this.http = builder.build();
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

  // =================================================================== public API

  /** Adds an observer (called on the event thread). */
  public void addObserver(MeetingSessionObserver observer) {
    events.addObserver(observer);
  }

  public void removeObserver(MeetingSessionObserver observer) {
    events.removeObserver(observer);
  }

  /** The configuration this session joins with. */
  public MeetingSessionConfiguration configuration() {
    return config;
  }

  /** The device manager used to pick the audio module and cameras. */
  public DeviceManager deviceManager() {
    return devices;
  }

  /** This attendee as the server knows it, or null before joining. */
  public AttendeeInfo self() {
    return self;
  }

  /** Whether the server lets this attendee send video now. */
  public boolean canStartLocalVideo() {
    return canStartLocalVideo;
  }

  /** Whether the microphone is muted. */
  public boolean isLocalMuted() {
    return muted;
  }

  /** The remote video tiles that exist now. */
  public List<VideoTile> videoTiles() {
    List<VideoTile> tiles = new ArrayList<>();
    for (RemoteTile t : tilesById.values()) {
      tiles.add(t.tile());
    }
    tiles.sort(java.util.Comparator.comparingInt(VideoTile::tileId));
    return tiles;
  }

  /**
   * Joins and connects media. Completes (on the event thread) with OK once joined and the media
   * connection is up, or with why not (then the session is stopped and {@code onSessionStopped}
   * fired). A session starts once.
   */
  public CompletableFuture<MeetingSessionStatus> start() {
    CompletableFuture<MeetingSessionStatus> result = new CompletableFuture<>();
    onControl(
        () -> {
          if (state != State.NEW) {
            events.complete(
                result,
                MeetingSessionStatus.failed(
                    ClientFailure.SESSION_STOPPED, "a session starts only once"));
            return;
          }
          state = State.CONNECTING;
          startFuture = result;
          events.emit(o -> o.onSessionStarting(false));
          try {
            stack = MediaStack.create(name, options, devices);
          } catch (RuntimeException | Error e) {
            finish(MeetingSessionStatus.failed(ClientFailure.DEVICE_FAILED, e.getMessage()));
            return;
          }
          ServerMessage.Joined joined;
          try {
            joined = connectAndJoin(false);
          } catch (JoinFailure failure) {
            finish(failure.status);
            return;
          }
          applyJoined(joined);
          try {
            peer = newPeer();
            assignSlots();
            negotiate(false);
            peer.awaitConnected();
          } catch (RuntimeException e) {
            finish(MeetingSessionStatus.failed(ClientFailure.NEGOTIATION_FAILED, e.getMessage()));
            return;
          }
          state = State.STARTED;
          startPing();
          events.emit(o -> o.onSessionStarted(false));
          events.complete(result, MeetingSessionStatus.ok());
          if (negotiationNeeded) {
            requestNegotiation();
          }
        });
    return result;
  }

  /**
   * Leaves the meeting and releases everything. Completes with the final status ({@code LEFT}, or
   * the earlier reason if the session had already ended). Idempotent.
   */
  public CompletableFuture<MeetingSessionStatus> stop() {
    onControl(
        () -> {
          if (state == State.STOPPED) {
            return;
          }
          SignalingClient client = signaling;
          if (client != null && client.isOpen() && state == State.STARTED) {
            try {
              client
                  .request(new ClientMessage.Leave(nextId()))
                  .get(
                      Math.min(2000, options.operationTimeout().toMillis()), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
              // the server answers leave with "ended" (which fails the request) and closes
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          finish(
              state == State.NEW
                  ? MeetingSessionStatus.failed(ClientFailure.SESSION_STOPPED, "never started")
                  : MeetingSessionStatus.of(StatusCode.LEFT, "left the meeting"));
        });
    return stopped;
  }

  /** {@link #stop()} and wait (bounded) until native resources are released. */
  @Override
  public void close() {
    try {
      stop().get(options.operationTimeout().toMillis() * 3, TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("{}: close did not finish cleanly: {}", name, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    control.shutdown();
    try {
      control.awaitTermination(options.operationTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    events.awaitTermination(options.operationTimeout().toMillis());
  }

  /** Mutes or unmutes the microphone (track disabled: silence is sent) and tells the meeting. */
  public CompletableFuture<MeetingSessionStatus> realtimeSetLocalMute(boolean mute) {
    CompletableFuture<MeetingSessionStatus> result = new CompletableFuture<>();
    onControl(
        () -> {
          muted = mute;
          if (stack != null) {
            stack.microphone.setEnabled(!mute);
          }
          AttendeeInfo me = self;
          if (me != null) {
            events.emit(o -> o.onMuteStateChanged(me.attendeeId(), mute));
          }
          requestToServer(new ClientMessage.SetMute(nextId(), mute), result);
        });
    return result;
  }

  /**
   * Starts sending local video from {@code source} (replacing a running one), as two simulcast
   * layers unless disabled in the options. If the server does not allow video now, {@code
   * onVideoSendUnavailable} fires and the future completes with {@code VIDEO_SEND_UNAVAILABLE}.
   */
  public CompletableFuture<MeetingSessionStatus> startLocalVideo(LocalVideoSource source) {
    Objects.requireNonNull(source, "source");
    CompletableFuture<MeetingSessionStatus> result = new CompletableFuture<>();
    onControl(
        () -> {
          if (!canStartLocalVideo) {
            MeetingSessionStatus refused =
                MeetingSessionStatus.of(
                    StatusCode.VIDEO_SEND_UNAVAILABLE, "the meeting does not accept video now");
            events.emit(o -> o.onVideoSendUnavailable(refused));
            events.complete(result, refused);
            return;
          }
          if (state != State.STARTED) {
            events.complete(result, notConnected());
            return;
          }
          try {
            stopLocalSource();
            localVideoTrack = localTrack(source);
            peer.setLocalVideo(localVideoTrack, options.simulcast());
            negotiate(false);
          } catch (RuntimeException e) {
            events.complete(
                result, MeetingSessionStatus.failed(ClientFailure.DEVICE_FAILED, e.getMessage()));
            return;
          }
          events.emit(MeetingSessionObserver::onLocalVideoStarted);
          events.complete(result, MeetingSessionStatus.ok());
        });
    return result;
  }

  /** Stops sending local video. */
  public CompletableFuture<MeetingSessionStatus> stopLocalVideo() {
    CompletableFuture<MeetingSessionStatus> result = new CompletableFuture<>();
    onControl(
        () -> {
          if (localVideoTrack == null) {
            events.complete(result, MeetingSessionStatus.ok());
            return;
          }
          stopLocalVideoNow();
          events.complete(result, MeetingSessionStatus.ok());
        });
    return result;
  }

  /**
   * Delivers the frames of tile {@code tileId} to {@code listener} (replacing any previous one).
   */
  public void bindVideoTile(int tileId, VideoFrameListener listener) {
    RemoteTile tile = tilesById.get(tileId);
    if (tile == null) {
      throw new IllegalArgumentException("no video tile " + tileId);
    }
    tile.bind(listener);
  }

  /** Stops delivering frames of tile {@code tileId}. */
  public void unbindVideoTile(int tileId) {
    RemoteTile tile = tilesById.get(tileId);
    if (tile != null) {
      tile.bind(null);
    }
  }

  /**
   * Records the size a tile is drawn at so the server can pick the simulcast layer. Stored now;
   * sent once the server accepts layer hints (not in protocol version 1 yet).
   */
  public void setVideoTileRenderSize(int tileId, int width, int height) {
    tileRenderHints.compute(
        tileId, (id, hint) -> new int[] {width, height, hint == null ? 0 : hint[2]});
  }

  /** Records a tile's priority (higher first) for the server; stored, sent later (see above). */
  public void setVideoTilePriority(int tileId, int priority) {
    tileRenderHints.compute(
        tileId,
        (id, hint) -> new int[] {hint == null ? 0 : hint[0], hint == null ? 0 : hint[1], priority});
  }

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
    CompletableFuture<MeetingSessionStatus> result = new CompletableFuture<>();
    MeetingSessionStatus invalid = validateData(topic, data, lifetimeMs);
    if (invalid != null) {
      events.complete(result, invalid);
      return result;
    }
    String payload = Base64.getEncoder().encodeToString(data);
    onControl(
        () ->
            requestToServer(
                new ClientMessage.SendData(
                    nextId(), topic, payload, lifetimeMs > 0 ? lifetimeMs : null),
                result));
    return result;
  }

  /** Calls {@code listener} for each data message on {@code topic}. */
  public void subscribeToDataMessages(String topic, DataMessageListener listener) {
    events.subscribe(topic, listener);
  }

  public void unsubscribeFromDataMessages(String topic, DataMessageListener listener) {
    events.unsubscribe(topic, listener);
  }

  /**
   * Asks to be promoted from replica viewer into the primary meeting with an attendee's credentials
   * there. Not supported by the server yet: completes with {@code NOT_SUPPORTED_BY_SERVER}.
   */
  public CompletableFuture<MeetingSessionStatus> promoteToPrimaryMeeting(
      PromotionCredentials credentials) {
    Objects.requireNonNull(credentials, "credentials");
    return notSupported("promotion to the primary meeting");
  }

  /** Asks to go back to replica viewer. Not supported by the server yet. */
  public CompletableFuture<MeetingSessionStatus> demoteFromPrimaryMeeting() {
    return notSupported("demotion from the primary meeting");
  }

  /** Raises (or lowers) this viewer's hand for the hosts. Not supported by the server yet. */
  public CompletableFuture<MeetingSessionStatus> setHandRaised(boolean raised) {
    return notSupported("raise hand");
  }

  /** Shares content (screen or generated frames). Not supported by the server yet. */
  public CompletableFuture<MeetingSessionStatus> startContentShare(LocalVideoSource source) {
    return notSupported("content share");
  }

  @Override
  public String toString() {
    return "MeetingSession[" + name + " " + config + "]";
  }

  // =================================================================== test hooks

  /** Drops the signaling TCP connection as a network failure would (tests). */
  void dropSignalingForTest() {
    SignalingClient client = signaling;
    if (client != null) {
      client.abort();
    }
  }

  /** Frames delivered on the event thread for a tile (tests). */
  long framesDelivered(int tileId) {
    RemoteTile tile = tilesById.get(tileId);
    return tile == null ? 0 : tile.framesDelivered();
  }

  /** Stored layer hints of a tile: width, height, priority (tests). */
  int[] renderHints(int tileId) {
    return tileRenderHints.get(tileId);
  }

  // =================================================================== signaling

  /** Thrown on the control thread when joining fails; carries the final status. */
  private static final class JoinFailure extends Exception {
    private static final long serialVersionUID = 1L;
    final transient MeetingSessionStatus status;
    final boolean retryable;

    JoinFailure(MeetingSessionStatus status, boolean retryable) {
      super(status.toString());
      this.status = status;
      this.retryable = retryable;
    }
  }

  private ServerMessage.Joined connectAndJoin(boolean resume) throws JoinFailure {
    SignalingClient client = new SignalingClient(codec, new Handler());
    Duration timeout = options.operationTimeout();
    try {
      client
          .connect(http, config.signalingUrl(), timeout)
          .get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new JoinFailure(connectFailure(e.getCause()), true);
    } catch (TimeoutException e) {
      throw new JoinFailure(
          MeetingSessionStatus.failed(ClientFailure.SIGNALING_UNREACHABLE, "connect timed out"),
          true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new JoinFailure(
          MeetingSessionStatus.failed(ClientFailure.SESSION_STOPPED, "interrupted"), false);
    }
    signaling = client;
    ClientMessage.Join join =
        new ClientMessage.Join(
            nextId(),
            SignalMessage.PROTOCOL_VERSION,
            config.joinToken(),
            resume ? resumeToken : null,
            Map.of("sdk", "podium-java", "sdkVersion", "0.1"));
    try {
      ServerMessage reply = client.request(join).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (reply instanceof ServerMessage.Joined joined) {
        return joined;
      }
      throw new JoinFailure(statusOf(reply), false);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof SignalingClient.EndedException ended) {
        throw new JoinFailure(
            MeetingSessionStatus.of(ended.ended.code(), ended.ended.message()), false);
      }
      throw new JoinFailure(
          MeetingSessionStatus.failed(
              ClientFailure.SIGNALING_UNREACHABLE, "join failed: " + e.getCause().getMessage()),
          true);
    } catch (TimeoutException e) {
      client.close();
      throw new JoinFailure(
          MeetingSessionStatus.failed(ClientFailure.TIMED_OUT, "no answer to join"), true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new JoinFailure(
          MeetingSessionStatus.failed(ClientFailure.SESSION_STOPPED, "interrupted"), false);
    }
  }

  private static MeetingSessionStatus connectFailure(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof CertificatePinning.PinMismatchException) {
        return MeetingSessionStatus.failed(ClientFailure.CERTIFICATE_REJECTED, t.getMessage());
      }
    }
    return MeetingSessionStatus.failed(
        ClientFailure.SIGNALING_UNREACHABLE, "cannot reach the signaling server: " + error);
  }

  private static MeetingSessionStatus statusOf(ServerMessage reply) {
    if (reply instanceof ServerMessage.Status s) {
      return MeetingSessionStatus.of(s.code(), s.message());
    }
    return MeetingSessionStatus.of(StatusCode.OK, "ok");
  }

  /** Sends a request whose reply is a status; completes {@code result} on the event thread. */
  private void requestToServer(
      ClientMessage message, CompletableFuture<MeetingSessionStatus> result) {
    SignalingClient client = signaling;
    if (client == null || !client.isOpen() || state != State.STARTED) {
      events.complete(result, notConnected());
      return;
    }
    client
        .request(message)
        .orTimeout(options.operationTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .whenComplete(
            (reply, error) -> {
              MeetingSessionStatus status;
              if (error == null) {
                status = statusOf(reply);
              } else if (error instanceof TimeoutException) {
                status = MeetingSessionStatus.failed(ClientFailure.TIMED_OUT, "no answer");
              } else {
                status = notConnected();
              }
              events.complete(result, status);
            });
  }

  private final class Handler implements SignalingClient.Handler {
    @Override
    public void onMessage(SignalingClient source, ServerMessage message) {
      onControl(
          () -> {
            if (source == signaling && state != State.STOPPED) {
              handle(message);
            }
          });
    }

    @Override
    public void onClosed(SignalingClient source, String why) {
      onControl(
          () -> {
            if (source == signaling && state == State.STARTED) {
              signalingLost(why);
            }
          });
    }
  }

  private void handle(ServerMessage message) {
    if (message instanceof ServerMessage.Sources s) {
      sources = List.copyOf(s.sources());
      List<SourceInfo> now = sources;
      events.emit(o -> o.onRemoteVideoSourcesChanged(now));
      reconcileTiles();
    } else if (message instanceof ServerMessage.Presence p) {
      onPresence(p);
    } else if (message instanceof ServerMessage.MuteState m) {
      AttendeeInfo a = roster.get(m.attendeeId());
      if (a != null) {
        roster.put(
            a.attendeeId(),
            new AttendeeInfo(a.attendeeId(), a.externalUserId(), a.role(), m.muted()));
      }
      events.emit(o -> o.onMuteStateChanged(m.attendeeId(), m.muted()));
    } else if (message instanceof ServerMessage.Volumes v) {
      if (v.updates() != null && !v.updates().isEmpty()) {
        events.emit(o -> o.onVolumesChanged(List.copyOf(v.updates())));
      }
      List<String> speakers =
          v.activeSpeakers() == null ? List.of() : List.copyOf(v.activeSpeakers());
      if (!speakers.equals(activeSpeakers)) {
        activeSpeakers = speakers;
        events.emit(o -> o.onActiveSpeakersChanged(speakers));
      }
    } else if (message instanceof ServerMessage.Data d) {
      byte[] payload;
      try {
        payload = Base64.getDecoder().decode(d.data() == null ? "" : d.data());
      } catch (IllegalArgumentException e) {
        LOG.warn("{}: data message on topic {} is not base64; dropped", name, d.topic());
        return;
      }
      events.deliver(
          new DataMessage(
              d.topic(), payload, d.senderAttendeeId(), d.senderExternalUserId(), d.timestampMs()));
    } else if (message instanceof ServerMessage.VideoAvailability va) {
      setVideoAvailability(va.canStartLocalVideo());
    } else if (message instanceof ServerMessage.Ended e) {
      finish(MeetingSessionStatus.of(e.code(), e.message()));
    } else if (message instanceof ServerMessage.Status s) {
      LOG.debug("{}: unsolicited status {} {}", name, s.code(), s.message());
    }
  }

  private void onPresence(ServerMessage.Presence p) {
    AttendeeInfo known = roster.get(p.attendeeId());
    AttendeeInfo info =
        known != null ? known : new AttendeeInfo(p.attendeeId(), p.externalUserId(), null, false);
    if (p.state() == PresenceState.JOINED) {
      roster.put(p.attendeeId(), info);
    } else {
      roster.remove(p.attendeeId());
    }
    events.emit(o -> o.onAttendeePresence(info, p.state()));
  }

  private void applyJoined(ServerMessage.Joined joined) {
    self = joined.self();
    resumeToken = joined.resumeToken();
    Map<String, AttendeeInfo> now = new LinkedHashMap<>();
    for (AttendeeInfo a : joined.attendees()) {
      now.put(a.attendeeId(), a);
    }
    for (AttendeeInfo gone : List.copyOf(roster.values())) {
      if (!now.containsKey(gone.attendeeId())) {
        roster.remove(gone.attendeeId());
        events.emit(o -> o.onAttendeePresence(gone, PresenceState.LEFT));
      }
    }
    for (AttendeeInfo a : now.values()) {
      if (roster.put(a.attendeeId(), a) == null) {
        events.emit(o -> o.onAttendeePresence(a, PresenceState.JOINED));
      }
    }
    setVideoAvailability(joined.canStartLocalVideo());
    sources = List.copyOf(joined.sources());
    List<SourceInfo> list = sources;
    events.emit(o -> o.onRemoteVideoSourcesChanged(list));
    reconcileTiles();
  }

  private void setVideoAvailability(boolean can) {
    boolean changed = can != canStartLocalVideo;
    canStartLocalVideo = can;
    if (changed || state == State.CONNECTING) {
      events.emit(o -> o.onVideoAvailabilityChanged(can));
    }
    if (!can && localVideoTrack != null) {
      stopLocalVideoNow();
      MeetingSessionStatus status =
          MeetingSessionStatus.of(StatusCode.VIDEO_SEND_UNAVAILABLE, "the server stopped video");
      events.emit(o -> o.onVideoSendUnavailable(status));
    }
  }

  private void startPing() {
    stopPing();
    long period = options.pingInterval().toMillis();
    pingTask =
        control.scheduleAtFixedRate(
            () -> {
              SignalingClient client = signaling;
              if (client != null && client.isOpen()) {
                client.send(new ClientMessage.Ping(nextId()));
              }
            },
            period,
            period,
            TimeUnit.MILLISECONDS);
  }

  private void stopPing() {
    if (pingTask != null) {
      pingTask.cancel(false);
      pingTask = null;
    }
  }

  // =================================================================== reconnection

  private void signalingLost(String why) {
    LOG.info("{}: signaling connection lost ({}); reconnecting", name, why);
    state = State.RECONNECTING;
    stopPing();
    reconnectDeadline = System.nanoTime() + options.resumeWindow().toNanos();
    reconnectAttempt = 0;
    events.emit(MeetingSessionObserver::onSessionReconnecting);
    events.emit(o -> o.onSessionStarting(true));
    scheduleReconnect();
  }

  private void scheduleReconnect() {
    long delay = Math.min(4000, 250L << Math.min(reconnectAttempt, 4));
    reconnectAttempt++;
    control.schedule(() -> safely(this::attemptReconnect), delay, TimeUnit.MILLISECONDS);
  }

  private void attemptReconnect() {
    if (state != State.RECONNECTING) {
      return;
    }
    ServerMessage.Joined joined;
    try {
      joined = connectAndJoin(true);
    } catch (JoinFailure failure) {
      if (failure.retryable && System.nanoTime() - reconnectDeadline < 0) {
        scheduleReconnect();
      } else if (failure.retryable) {
        finish(
            MeetingSessionStatus.failed(
                ClientFailure.RECONNECT_FAILED,
                "could not resume within " + options.resumeWindow() + ": " + failure.status));
      } else {
        finish(failure.status);
      }
      return;
    }
    applyJoined(joined);
    state = State.STARTED;
    if (!joined.resumed()) {
      // The server no longer had our session: it made a new one with new media.
      LOG.info("{}: the server started a new session; rebuilding media", name);
      restartMedia();
    } else if (negotiationNeeded) {
      requestNegotiation();
    }
    if (state == State.STARTED) {
      startPing();
      events.emit(o -> o.onSessionStarted(true));
    }
  }

  // =================================================================== media

  private PeerSession newPeer() {
    java.util.concurrent.atomic.AtomicReference<PeerSession> createdRef =
        new java.util.concurrent.atomic.AtomicReference<>();
    PeerSession created =
        new PeerSession(
            name,
            stack,
            RtcConfigurations.forServer(config.signalingUrl(), options),
            options.operationTimeout(),
            options.remoteAudioListener(),
            // libwebrtc's signaling thread: hop to the control thread at once.
            newState -> onControl(() -> onPeerState(createdRef.get(), newState)));
    createdRef.set(created);
    return created;
  }

  private void onPeerState(PeerSession source, RTCPeerConnectionState newState) {
    if (source != peer || state == State.STOPPED) {
      return;
    }
    switch (newState) {
      case DISCONNECTED -> {
        if (!connectionPoor) {
          connectionPoor = true;
          events.emit(MeetingSessionObserver::onConnectionBecamePoor);
        }
      }
      case CONNECTED -> {
        if (connectionPoor) {
          connectionPoor = false;
          events.emit(MeetingSessionObserver::onConnectionBecameGood);
        }
      }
      case FAILED -> {
        if (!connectionPoor) {
          connectionPoor = true;
          events.emit(MeetingSessionObserver::onConnectionBecamePoor);
        }
        if (state == State.STARTED) {
          LOG.info("{}: media connection failed; rebuilding it", name);
          restartMedia();
        }
      }
      default -> {}
    }
  }

  /**
   * Replaces the peer connection: the server gives a new media session to an offer on a connection
   * whose transport closed. A new connection (not an ICE restart) because a new server transport
   * also needs a new DTLS handshake, which libwebrtc does not redo on an ICE restart.
   */
  private void restartMedia() {
    if (peer != null) {
      peer.close();
    }
    try {
      peer = newPeer();
      assignSlots();
      if (localVideoTrack != null) {
        peer.setLocalVideo(localVideoTrack, options.simulcast());
      }
      negotiate(false);
    } catch (RuntimeException e) {
      finish(MeetingSessionStatus.failed(ClientFailure.NEGOTIATION_FAILED, e.getMessage()));
    }
  }

  private void requestNegotiation() {
    negotiationNeeded = true;
    if (negotiationQueued) {
      return;
    }
    negotiationQueued = true;
    onControl(
        () -> {
          negotiationQueued = false;
          if (!negotiationNeeded || state != State.STARTED || peer == null) {
            return;
          }
          try {
            negotiate(false);
          } catch (RuntimeException e) {
            LOG.warn("{}: renegotiation failed: {}", name, e.getMessage());
          }
        });
  }

  /** One offer/answer round on the control thread; throws on failure. */
  private void negotiate(boolean iceRestart) {
    negotiationNeeded = false;
    SignalingClient client = signaling;
    if (client == null || !client.isOpen()) {
      negotiationNeeded = true;
      throw new IllegalStateException("not connected to the signaling server");
    }
    String sdp = peer.createOffer(iceRestart);
    Map<String, String> bindings = new HashMap<>();
    for (RemoteVideoSlot slot : peer.slots()) {
      RemoteTile tile = slot.tile();
      String mid = slot.transceiver.getMid();
      if (tile != null && mid != null) {
        bindings.put(mid, tile.tile().sourceId());
      }
    }
    ServerMessage reply;
    try {
      reply =
          client
              .request(new ClientMessage.Offer(nextId(), sdp, bindings))
              .get(options.operationTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      peer.rollback();
      negotiationNeeded = true;
      throw new IllegalStateException("no answer to the offer: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted");
    }
    if (reply instanceof ServerMessage.Answer answer) {
      LOG.debug("{}: negotiated with video bindings {}", name, bindings);
      peer.applyAnswer(answer.sdp());
    } else {
      peer.rollback();
      throw new IllegalStateException("the server refused the offer: " + statusOf(reply));
    }
  }

  /** Adds tiles for new sources, removes tiles of gone ones, and renegotiates if needed. */
  private void reconcileTiles() {
    List<SourceInfo> wanted =
        sources.size() > options.maxRemoteVideos()
            ? sources.subList(0, options.maxRemoteVideos())
            : sources;
    Map<String, SourceInfo> wantedById = new LinkedHashMap<>();
    for (SourceInfo s : wanted) {
      wantedById.put(s.sourceId(), s);
    }
    boolean changed = false;
    for (RemoteTile tile : List.copyOf(tilesBySource.values())) {
      if (!wantedById.containsKey(tile.tile().sourceId())) {
        tilesBySource.remove(tile.tile().sourceId());
        tilesById.remove(tile.tile().tileId());
        tileRenderHints.remove(tile.tile().tileId());
        tile.markRemoved();
        if (peer != null) {
          for (RemoteVideoSlot slot : peer.slots()) {
            if (slot.tile() == tile) {
              slot.assign(null);
            }
          }
        }
        VideoTile gone = tile.tile();
        events.emit(o -> o.onVideoTileRemoved(gone));
        changed = true;
      }
    }
    for (SourceInfo s : wantedById.values()) {
      if (!tilesBySource.containsKey(s.sourceId())) {
        VideoTile tile =
            new VideoTile(nextTileId++, s.attendeeId(), s.externalUserId(), s.sourceId(), 0, 0);
        RemoteTile remote =
            new RemoteTile(
                tile, events, resized -> events.emit(o -> o.onVideoTileUpdated(resized)));
        tilesBySource.put(s.sourceId(), remote);
        tilesById.put(tile.tileId(), remote);
        events.emit(o -> o.onVideoTileAdded(tile));
        changed = true;
      }
    }
    if (peer != null) {
      changed |= assignSlots();
    }
    if (changed && state == State.STARTED) {
      requestNegotiation();
    }
  }

  /** Gives every tile a recv-only video slot; returns true if any assignment changed. */
  private boolean assignSlots() {
    boolean changed = false;
    java.util.Set<RemoteTile> placed = new java.util.HashSet<>();
    for (RemoteVideoSlot slot : peer.slots()) {
      if (slot.tile() != null) {
        placed.add(slot.tile());
      }
    }
    for (RemoteTile tile : tilesBySource.values()) {
      if (!placed.contains(tile)) {
        peer.freeSlot().assign(tile);
        changed = true;
      }
    }
    return changed;
  }

  private VideoTrack localTrack(LocalVideoSource source) {
    if (source instanceof LocalVideoSource.Generated generated) {
      if (generatedSource == null) {
        generatedSource = stack.own(new CustomVideoSource());
        generatedTrack = stack.factory.createVideoTrack(name + "-generated-video", generatedSource);
      }
      localFeed = new LocalVideoFeed(generatedSource, generated.format(), generated.generator());
      localFeed.start(videoThread);
      return generatedTrack;
    }
    LocalVideoSource.Camera chosen = (LocalVideoSource.Camera) source;
    VideoDevice device =
        devices
            .findCamera(chosen.device())
            .orElseThrow(() -> new IllegalStateException("no such camera: " + chosen.device()));
    VideoDeviceSource capture = stack.own(new VideoDeviceSource());
    capture.setVideoCaptureDevice(device);
    VideoFormat f = chosen.format();
    capture.setVideoCaptureCapability(new VideoCaptureCapability(f.width(), f.height(), f.fps()));
    capture.start();
    camera = capture;
    return stack.factory.createVideoTrack(name + "-camera-" + nextId(), capture);
  }

  private void stopLocalSource() {
    if (localFeed != null) {
      localFeed.stop();
      localFeed = null;
    }
    if (camera != null) {
      VideoDeviceSource c = camera;
      NativeCalls.quietly("camera stop", options.operationTimeout(), c::stop);
      camera = null;
    }
  }

  private void stopLocalVideoNow() {
    stopLocalSource();
    localVideoTrack = null;
    if (peer != null) {
      peer.setLocalVideo(null, options.simulcast());
      if (state == State.STARTED) {
        try {
          negotiate(false);
        } catch (RuntimeException e) {
          LOG.warn("{}: renegotiation after stopping video failed: {}", name, e.getMessage());
        }
      }
    }
    events.emit(MeetingSessionObserver::onLocalVideoStopped);
  }

  // =================================================================== ending

  /** Ends the session once: closes signaling and media, tells observers, stops the threads. */
  private void finish(MeetingSessionStatus status) {
    if (state == State.STOPPED) {
      return;
    }
    state = State.STOPPED;
    LOG.info("{}: stopped: {}", name, status);
    stopPing();
    SignalingClient client = signaling;
    if (client != null) {
      client.close();
    }
    stopLocalSource();
    if (peer != null) {
      peer.close();
      peer = null;
    }
    if (stack != null) {
      stack.close();
    }
    videoThread.shutdownNow();
    for (RemoteTile tile : tilesBySource.values()) {
      tile.markRemoved();
      VideoTile gone = tile.tile();
      events.emit(o -> o.onVideoTileRemoved(gone));
    }
    tilesBySource.clear();
    tilesById.clear();
    events.emit(o -> o.onSessionStopped(status));
    if (startFuture != null && !startFuture.isDone()) {
      events.complete(startFuture, status);
    }
    events.complete(stopped, status);
    events.shutdown();
    control.shutdown();
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

  private CompletableFuture<MeetingSessionStatus> notSupported(String what) {
    CompletableFuture<MeetingSessionStatus> result = new CompletableFuture<>();
    events.complete(
        result,
        MeetingSessionStatus.failed(
            ClientFailure.NOT_SUPPORTED_BY_SERVER,
            what + " is not in signaling protocol version " + SignalMessage.PROTOCOL_VERSION));
    return result;
  }

  private static MeetingSessionStatus notConnected() {
    return MeetingSessionStatus.failed(
        ClientFailure.NOT_CONNECTED, "the session is not connected to the server");
  }

  private String nextId() {
    return "r" + requestIds.incrementAndGet();
  }

  private void onControl(Runnable task) {
    try {
      control.execute(() -> safely(task));
    } catch (java.util.concurrent.RejectedExecutionException e) {
      LOG.debug("{}: already stopped; request ignored", name);
    }
  }

  private void safely(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException | Error e) {
      LOG.error("{}: internal error", name, e);
    }
  }

  private static ScheduledExecutorService singleThread(String threadName) {
    return Executors.newSingleThreadScheduledExecutor(
        r -> {
          Thread t = new Thread(r, threadName);
          t.setDaemon(true);
          return t;
        });
  }
}
