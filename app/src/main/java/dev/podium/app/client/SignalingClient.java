package dev.podium.app.client;

import dev.podium.server.protocol.ClientMessage;
import dev.podium.server.protocol.ServerMessage;
import dev.podium.server.protocol.SignalCodec;
import dev.podium.server.protocol.SignalDecodeException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One signaling WebSocket (java.net.http): sends {@link ClientMessage}s one at a time, matches
 * replies to requests by requestId, and hands every other {@link ServerMessage} to its {@link
 * Handler}. A reconnect makes a new instance. Handler calls and future completions happen on the
 * WebSocket's thread: the session hops them onto its own threads.
 */
final class SignalingClient {

  private static final Logger LOG = LoggerFactory.getLogger(SignalingClient.class);

  /** What the session hears from one connection. */
  interface Handler {
    /** A message that answers no pending request. */
    void onMessage(SignalingClient source, ServerMessage message);

    /** The connection ended (server close, network error, or {@link #abort()}); once. */
    void onClosed(SignalingClient source, String why);
  }

  /** A pending request was cut short because the server ended the session. */
  static final class EndedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient ServerMessage.Ended ended;

    EndedException(ServerMessage.Ended ended) {
      super(ended.code() + ": " + ended.message());
      this.ended = ended;
    }
  }

  /** A pending request was cut short because the connection closed. */
  static final class ClosedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ClosedException(String why) {
      super(why);
    }
  }

  private final SignalCodec codec;
  private final Handler handler;
  private final Map<String, CompletableFuture<ServerMessage>> pending = new ConcurrentHashMap<>();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Object sendLock = new Object();
  private volatile WebSocket socket;
  private CompletableFuture<?> lastSend = CompletableFuture.completedFuture(null);

  SignalingClient(SignalCodec codec, Handler handler) {
    this.codec = codec;
    this.handler = handler;
  }

  /** Opens the WebSocket; the future fails with the HTTP client's exception. */
  CompletableFuture<SignalingClient> connect(HttpClient http, URI url, Duration timeout) {
    return http.newWebSocketBuilder()
        .connectTimeout(timeout)
        .buildAsync(url, new Listener())
        .thenApply(
            ws -> {
              socket = ws;
              return this;
            });
  }

  /** Sends a message without waiting for a reply. */
  CompletableFuture<?> send(ClientMessage message) {
    String text = codec.encode(message);
    synchronized (sendLock) {
      WebSocket ws = socket;
      if (ws == null || closed.get()) {
        return CompletableFuture.failedFuture(new ClosedException("not connected"));
      }
      // java.net.http allows one outstanding send: chain each after the previous one.
      lastSend =
          lastSend.handle((ignored, error) -> null).thenCompose(ignored -> ws.sendText(text, true));
      return lastSend;
    }
  }

  /** Sends {@code message} and completes with the reply carrying its requestId. */
  CompletableFuture<ServerMessage> request(ClientMessage message) {
    CompletableFuture<ServerMessage> reply = new CompletableFuture<>();
    pending.put(message.requestId(), reply);
    reply.whenComplete((r, e) -> pending.remove(message.requestId()));
    if (closed.get()) {
      reply.completeExceptionally(new ClosedException("not connected"));
      return reply;
    }
    send(message)
        .whenComplete(
            (ok, error) -> {
              if (error != null) {
                reply.completeExceptionally(new ClosedException("send failed: " + error));
              }
            });
    return reply;
  }

  boolean isOpen() {
    WebSocket ws = socket;
    return ws != null && !closed.get() && !ws.isInputClosed();
  }

  /** Drops the TCP connection without a close handshake (as a network failure would). */
  void abort() {
    WebSocket ws = socket;
    if (ws != null) {
      ws.abort();
    }
    closedNow("aborted");
  }

  /** Closes politely; no {@link Handler#onClosed} is reported for it. */
  void close() {
    if (closed.compareAndSet(false, true)) {
      failPending(new ClosedException("closed"));
      WebSocket ws = socket;
      if (ws != null) {
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye")
            .orTimeout(1, java.util.concurrent.TimeUnit.SECONDS)
            .whenComplete((r, e) -> ws.abort());
      }
    }
  }

  private void closedNow(String why) {
    if (closed.compareAndSet(false, true)) {
      failPending(new ClosedException(why));
      handler.onClosed(this, why);
    }
  }

  private void failPending(RuntimeException reason) {
    for (CompletableFuture<ServerMessage> f : pending.values()) {
      f.completeExceptionally(reason);
    }
  }

  private void deliver(String text) {
    ServerMessage message;
    try {
      message = codec.decode(text, ServerMessage.class);
    } catch (SignalDecodeException e) {
      LOG.warn("ignoring a server message that does not decode: {}", e.getMessage());
      return;
    }
    String requestId = requestIdOf(message);
    if (requestId != null) {
      CompletableFuture<ServerMessage> waiting = pending.get(requestId);
      if (waiting != null) {
        waiting.complete(message);
        return;
      }
    }
    if (message instanceof ServerMessage.Ended ended) {
      failPending(new EndedException(ended));
    }
    handler.onMessage(this, message);
  }

  private static String requestIdOf(ServerMessage message) {
    if (message instanceof ServerMessage.Joined j) {
      return j.requestId();
    } else if (message instanceof ServerMessage.Answer a) {
      return a.requestId();
    } else if (message instanceof ServerMessage.Status s) {
      return s.requestId();
    } else if (message instanceof ServerMessage.Pong p) {
      return p.requestId();
    } else if (message instanceof ServerMessage.Promoted p) {
      return p.requestId();
    }
    return null;
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        try {
          deliver(text);
        } catch (RuntimeException e) {
          LOG.error("signaling message handling failed", e);
        }
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closedNow("closed by the server (" + statusCode + ")");
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closedNow("connection error: " + error);
    }
  }
}
