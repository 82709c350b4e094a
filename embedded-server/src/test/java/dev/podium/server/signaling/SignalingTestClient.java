package dev.podium.server.signaling;

import dev.podium.server.protocol.ClientMessage;
import dev.podium.server.protocol.ServerMessage;
import dev.podium.server.protocol.SignalCodec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A raw signaling WebSocket client for tests: send messages, wait for typed replies. */
public final class SignalingTestClient implements AutoCloseable {
  private final SignalCodec codec = new SignalCodec();
  private final LinkedBlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
  private final List<ServerMessage> seen = new ArrayList<>();
  private final WebSocket socket;
  private volatile boolean closedByServer;

  private SignalingTestClient(String url) {
    socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .buildAsync(URI.create(url), new Listener())
            .join();
  }

  public static SignalingTestClient connect(String signalingUrl) {
    return new SignalingTestClient(signalingUrl);
  }

  public void send(ClientMessage message) {
    sendRaw(codec.encode(message));
  }

  public void sendRaw(String text) {
    socket.sendText(text, true).join();
  }

  /** Waits for the next message of {@code type} that matches; others are kept in history. */
  public <T extends ServerMessage> T await(Class<T> type, Predicate<T> filter, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (seen) {
      for (ServerMessage m : seen) {
        if (type.isInstance(m) && filter.test(type.cast(m))) {
          seen.remove(m);
          return type.cast(m);
        }
      }
    }
    while (true) {
      long left = deadline - System.nanoTime();
      Object next = left <= 0 ? null : inbox.poll(left, TimeUnit.NANOSECONDS);
      if (next == null) {
        throw new AssertionError(
            "no " + type.getSimpleName() + " within " + timeout + "; seen " + history());
      }
      if (next instanceof ServerMessage m) {
        if (type.isInstance(m) && filter.test(type.cast(m))) {
          return type.cast(m);
        }
        synchronized (seen) {
          seen.add(m);
        }
      }
    }
  }

  public <T extends ServerMessage> T await(Class<T> type) throws InterruptedException {
    return await(type, m -> true, Duration.ofSeconds(10));
  }

  /** The status answering {@code requestId}. */
  public ServerMessage.Status status(String requestId) throws InterruptedException {
    return await(
        ServerMessage.Status.class, s -> requestId.equals(s.requestId()), Duration.ofSeconds(10));
  }

  /** Forgets every message received so far. */
  public void clear() {
    synchronized (seen) {
      seen.clear();
    }
    inbox.removeIf(m -> m instanceof ServerMessage);
  }

  public List<ServerMessage> history() {
    synchronized (seen) {
      return List.copyOf(seen);
    }
  }

  public boolean isClosedByServer() {
    return closedByServer;
  }

  /** Waits until the server closes the WebSocket. */
  public void awaitClosed(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!closedByServer && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    if (!closedByServer) {
      throw new AssertionError("server did not close the WebSocket within " + timeout);
    }
  }

  /** Drops the TCP connection without a close handshake (a network failure). */
  public void abort() {
    socket.abort();
  }

  @Override
  public void close() {
    if (!socket.isOutputClosed()) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }
    socket.abort();
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        inbox.add(codec.decode(text, ServerMessage.class));
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closedByServer = true;
      inbox.add("closed");
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closedByServer = true;
      inbox.add("closed");
    }
  }
}
