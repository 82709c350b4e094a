package dev.podium.loadkit;

import dev.podium.server.protocol.ClientMessage;
import dev.podium.server.protocol.ServerMessage;
import dev.podium.server.protocol.SignalCodec;
import dev.podium.server.protocol.SignalDecodeException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One signaling WebSocket (docs/signaling.md): encodes {@link ClientMessage}s, decodes every text
 * message into a {@link ServerMessage} and hands it to a consumer on the WebSocket's thread (the
 * consumer must not block). All connections share one {@link HttpClient}, so hundreds of them do
 * not cost hundreds of selector threads.
 */
final class SignalingConnection implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SignalingConnection.class);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private final SignalCodec codec = new SignalCodec();
  private final WebSocket socket;
  private final CompletableFuture<Void> closed = new CompletableFuture<>();
  private final Object sendLock = new Object();
  private CompletableFuture<WebSocket> lastSend = CompletableFuture.completedFuture(null);

  private SignalingConnection(String url, Consumer<ServerMessage> onMessage) {
    socket =
        HTTP.newWebSocketBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .buildAsync(URI.create(url), new Listener(onMessage))
            .join();
  }

  static SignalingConnection open(String url, Consumer<ServerMessage> onMessage) {
    return new SignalingConnection(url, onMessage);
  }

  /** Queues {@code message}; sends are chained because a WebSocket allows one at a time. */
  void send(ClientMessage message) {
    String text = codec.encode(message);
    synchronized (sendLock) {
      lastSend = lastSend.handle((ws, error) -> null).thenCompose(x -> socket.sendText(text, true));
    }
  }

  /** Completes when the server closes the WebSocket or it fails. */
  CompletableFuture<Void> closed() {
    return closed;
  }

  @Override
  public void close() {
    synchronized (sendLock) {
      lastSend =
          lastSend
              .handle((ws, error) -> null)
              .thenCompose(x -> socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye"));
    }
    try {
      lastSend.get(2, java.util.concurrent.TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.debug("close handshake did not finish", e);
    }
    socket.abort();
    closed.complete(null);
  }

  private final class Listener implements WebSocket.Listener {
    private final Consumer<ServerMessage> onMessage;
    private final StringBuilder partial = new StringBuilder();

    Listener(Consumer<ServerMessage> onMessage) {
      this.onMessage = onMessage;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        try {
          onMessage.accept(codec.decode(text, ServerMessage.class));
        } catch (SignalDecodeException e) {
          LOG.warn("undecodable server message: {}", e.getMessage());
        } catch (RuntimeException e) {
          LOG.warn("handling a server message failed", e);
        }
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closed.complete(null);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closed.complete(null);
    }
  }
}
