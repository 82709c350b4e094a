package dev.podium.app.client;

import dev.podium.server.protocol.ClientMessage;
import dev.podium.server.protocol.ServerMessage;
import dev.podium.server.protocol.ServerMessage.AttendeeInfo;
import dev.podium.server.protocol.SignalCodec;
import dev.podium.server.protocol.StatusCode;
import java.net.http.HttpClient;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state one {@link MeetingSession} shares between its parts, and its life cycle: start, stop,
 * keep-alive and the one way it ends ({@link #finish}). The parts, each confined to the control
 * thread: {@link SignalingDispatch} (server events), {@link Reconnector} (joining and resuming),
 * {@link MediaControl} (peer connection, negotiation, local media), {@link TileBook} (remote video
 * tiles) and {@link StageControl} (promotion and the webinar workflow).
 */
final class SessionCore {
  private static final Logger LOG = LoggerFactory.getLogger(SessionCore.class);
  private static final AtomicInteger SESSIONS = new AtomicInteger();

  enum State {
    NEW,
    CONNECTING,
    STARTED,
    RECONNECTING,
    STOPPED
  }

  final MeetingSessionConfiguration config;
  final SessionOptions options;
  final DeviceManager devices;
  final String name;
  final ScheduledExecutorService control;
  final ScheduledExecutorService videoThread;
  final SessionEvents events;
  final SignalCodec codec = new SignalCodec();
  final HttpClient http;
  final CompletableFuture<MeetingSessionStatus> stopped = new CompletableFuture<>();
  private final AtomicLong requestIds = new AtomicLong();

  final TileBook tiles;
  final MediaControl media;
  final SignalingDispatch dispatch;
  final Reconnector reconnector;
  final StageControl stage;
  final MeetingEventRecorder meetingEvents;

  // ---- control-thread state (volatile where public getters read it)
  State state = State.NEW;
  volatile SignalingClient signaling;
  MediaStack stack;
  String resumeToken;
  volatile AttendeeInfo self;
  volatile boolean canStartLocalVideo;
  volatile boolean muted;
  private ScheduledFuture<?> pingTask;
  private CompletableFuture<MeetingSessionStatus> startFuture;

  SessionCore(MeetingSessionConfiguration config, SessionOptions options, DeviceManager devices) {
    this.config = config;
    this.options = options;
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
    this.tiles = new TileBook(this);
    this.media = new MediaControl(this);
    this.dispatch = new SignalingDispatch(this);
    this.reconnector = new Reconnector(this);
    this.stage = new StageControl(this);
    this.meetingEvents = new MeetingEventRecorder(this);
    events.addObserver(meetingEvents); // first, so its events precede the app's reactions
  }

  // =================================================================== life cycle

  void start(CompletableFuture<MeetingSessionStatus> result) {
    if (state != State.NEW) {
      events.complete(
          result,
          MeetingSessionStatus.failed(ClientFailure.SESSION_STOPPED, "a session starts only once"));
      return;
    }
    state = State.CONNECTING;
    startFuture = result;
    events.emit(o -> o.onSessionStarting(false));
    try {
      stack = MediaStack.create(name, options, devices);
    } catch (RuntimeException | Error e) {
      meetingEvents.audioInputFailed(e.getMessage());
      finish(MeetingSessionStatus.failed(ClientFailure.DEVICE_FAILED, e.getMessage()));
      return;
    }
    ServerMessage.Joined joined;
    try {
      joined = reconnector.connectAndJoin(false);
    } catch (Reconnector.JoinFailure failure) {
      finish(failure.status);
      return;
    }
    dispatch.applyJoined(joined);
    meetingEvents.joined();
    try {
      media.newPeer();
      media.negotiate();
      media.awaitConnected();
    } catch (RuntimeException e) {
      finish(MeetingSessionStatus.failed(ClientFailure.NEGOTIATION_FAILED, e.getMessage()));
      return;
    }
    state = State.STARTED;
    startPing();
    events.emit(o -> o.onSessionStarted(false));
    events.complete(result, MeetingSessionStatus.ok());
    media.renegotiateIfNeeded();
  }

  void stop() {
    if (state == State.STOPPED) {
      return;
    }
    SignalingClient client = signaling;
    if (client != null && client.isOpen() && state == State.STARTED) {
      try {
        client
            .request(new ClientMessage.Leave(nextId()))
            .get(Math.min(2000, options.operationTimeout().toMillis()), TimeUnit.MILLISECONDS);
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
  }

  /** Ends the session once: closes signaling and media, tells observers, stops the threads. */
  void finish(MeetingSessionStatus status) {
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
    if (stack != null) {
      stack.stopAudioFeed();
    }
    media.close();
    if (stack != null) {
      stack.close();
    }
    videoThread.shutdownNow();
    tiles.removeAll();
    events.emit(o -> o.onSessionStopped(status));
    if (startFuture != null && !startFuture.isDone()) {
      events.complete(startFuture, status);
    }
    events.complete(stopped, status);
    events.shutdown();
    control.shutdown();
  }

  void close() {
    try {
      stopped.get(options.operationTimeout().toMillis() * 3, TimeUnit.MILLISECONDS);
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

  void startPing() {
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

  void stopPing() {
    if (pingTask != null) {
      pingTask.cancel(false);
      pingTask = null;
    }
  }

  // =================================================================== requests

  /** Sends a request whose reply is a status; completes {@code result} on the event thread. */
  void requestToServer(ClientMessage message, CompletableFuture<MeetingSessionStatus> result) {
    SignalingClient client = signaling;
    if (client == null || !client.isOpen() || state != State.STARTED) {
      events.complete(result, notConnected());
      return;
    }
    client
        .request(message)
        .orTimeout(options.operationTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .whenComplete((reply, error) -> events.complete(result, statusOf(reply, error)));
  }

  /** The status a reply (or the failure to get one) means. */
  static MeetingSessionStatus statusOf(ServerMessage reply, Throwable error) {
    if (error == null) {
      return statusOf(reply);
    }
    Throwable cause =
        error instanceof java.util.concurrent.CompletionException ? error.getCause() : error;
    if (cause instanceof TimeoutException) {
      return MeetingSessionStatus.failed(ClientFailure.TIMED_OUT, "no answer");
    }
    return notConnected();
  }

  static MeetingSessionStatus statusOf(ServerMessage reply) {
    if (reply instanceof ServerMessage.Status s) {
      return MeetingSessionStatus.of(s.code(), s.message());
    }
    return MeetingSessionStatus.of(StatusCode.OK, "ok");
  }

  static MeetingSessionStatus notConnected() {
    return MeetingSessionStatus.failed(
        ClientFailure.NOT_CONNECTED, "the session is not connected to the server");
  }

  String nextId() {
    return "r" + requestIds.incrementAndGet();
  }

  // =================================================================== threads

  /** Runs {@code task} on the control thread (dropped once the session has stopped). */
  /** True on the session's control thread. */
  boolean onControlThread() {
    return Thread.currentThread().getName().equals(name + "-control");
  }

  void onControl(Runnable task) {
    try {
      control.execute(() -> safely(task));
    } catch (RejectedExecutionException e) {
      LOG.debug("{}: already stopped; request ignored", name);
    }
  }

  /** A future completed on the event thread with {@code status}. */
  CompletableFuture<MeetingSessionStatus> completed(MeetingSessionStatus status) {
    CompletableFuture<MeetingSessionStatus> result = new CompletableFuture<>();
    events.complete(result, status);
    return result;
  }

  void safely(Runnable task) {
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
