package dev.podium.app.client;

import dev.podium.server.protocol.ClientMessage;
import dev.podium.server.protocol.ServerMessage;
import dev.podium.server.protocol.SignalMessage;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Joining and resuming on the control thread: opens a WebSocket and sends {@code join} (with the
 * resume token when resuming); when the WebSocket drops, retries with back-off (250 ms doubling to
 * 4 s) for {@link SessionOptions#resumeWindow()}. A promoted viewer counts as demoted from the
 * moment of the drop (the server demotes on disconnection).
 */
final class Reconnector {
  private static final Logger LOG = LoggerFactory.getLogger(Reconnector.class);

  /** Thrown on the control thread when joining fails; carries the final status. */
  static final class JoinFailure extends Exception {
    private static final long serialVersionUID = 1L;
    final transient MeetingSessionStatus status;
    final boolean retryable;

    JoinFailure(MeetingSessionStatus status, boolean retryable) {
      super(status.toString());
      this.status = status;
      this.retryable = retryable;
    }
  }

  private final SessionCore core;
  private long reconnectDeadline;
  private int reconnectAttempt;

  Reconnector(SessionCore core) {
    this.core = core;
  }

  ServerMessage.Joined connectAndJoin(boolean resume) throws JoinFailure {
    SignalingClient client = new SignalingClient(core.codec, core.dispatch);
    Duration timeout = core.options.operationTimeout();
    try {
      client
          .connect(core.http, core.config.signalingUrl(), timeout)
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
    core.signaling = client;
    ClientMessage.Join join =
        new ClientMessage.Join(
            core.nextId(),
            SignalMessage.PROTOCOL_VERSION,
            core.config.joinToken(),
            resume ? core.resumeToken : null,
            Map.of("sdk", "podium-java", "sdkVersion", MeetingEventRecorder.SDK_VERSION));
    try {
      ServerMessage reply = client.request(join).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (reply instanceof ServerMessage.Joined joined) {
        return joined;
      }
      throw new JoinFailure(SessionCore.statusOf(reply), false);
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

  /** The WebSocket dropped while started: tell observers and start retrying. */
  void signalingLost(String why) {
    LOG.info("{}: signaling connection lost ({}); reconnecting", core.name, why);
    core.state = SessionCore.State.RECONNECTING;
    core.stopPing();
    reconnectDeadline = System.nanoTime() + core.options.resumeWindow().toNanos();
    reconnectAttempt = 0;
    core.events.emit(MeetingSessionObserver::onSessionReconnecting);
    core.events.emit(o -> o.onSessionStarting(true));
    core.stage.lostConnection("the signaling connection dropped");
    scheduleReconnect();
  }

  private void scheduleReconnect() {
    long delay = Math.min(4000, 250L << Math.min(reconnectAttempt, 4));
    reconnectAttempt++;
    core.control.schedule(() -> core.safely(this::attemptReconnect), delay, TimeUnit.MILLISECONDS);
  }

  private void attemptReconnect() {
    if (core.state != SessionCore.State.RECONNECTING) {
      return;
    }
    core.meetingEvents.reconnectAttempted(reconnectAttempt);
    ServerMessage.Joined joined;
    try {
      joined = connectAndJoin(true);
    } catch (JoinFailure failure) {
      if (failure.retryable && System.nanoTime() - reconnectDeadline < 0) {
        scheduleReconnect();
      } else if (failure.retryable) {
        core.finish(
            MeetingSessionStatus.failed(
                ClientFailure.RECONNECT_FAILED,
                "could not resume within " + core.options.resumeWindow() + ": " + failure.status));
      } else {
        core.finish(failure.status);
      }
      return;
    }
    core.dispatch.applyJoined(joined);
    core.state = SessionCore.State.STARTED;
    if (!joined.resumed()) {
      // The server no longer had our session: it made a new one with new media.
      LOG.info("{}: the server started a new session; rebuilding media", core.name);
      core.media.restartMedia();
    } else {
      core.media.renegotiateIfNeeded();
    }
    if (core.state == SessionCore.State.STARTED) {
      core.startPing();
      core.events.emit(o -> o.onSessionStarted(true));
    }
  }
}
