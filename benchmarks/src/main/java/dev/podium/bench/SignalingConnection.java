package dev.podium.bench;

import dev.podium.server.protocol.ClientMessage;
import dev.podium.server.protocol.ServerMessage;
import dev.podium.server.protocol.SignalCodec;
import dev.podium.server.protocol.SignalMessage;
import dev.podium.server.protocol.StatusCode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;

/**
 * One attendee's signaling WebSocket as the benchmark drives it: send the join token, wait for
 * {@code joined}; send an offer, wait for its {@code answer}. Only the replies it waits for are
 * decoded; the meeting's broadcast traffic (presence, volumes, sources) is only counted, so 250
 * clients in one JVM stay cheap.
 */
final class SignalingConnection implements AutoCloseable {
  private final SignalCodec codec;
  private final LongAdder messagesReceived;
  private final CompletableFuture<ServerMessage.Joined> joined = new CompletableFuture<>();
  private final Map<String, CompletableFuture<ServerMessage.Answer>> answers =
      new ConcurrentHashMap<>();
  private final CompletableFuture<ServerMessage.Ended> ended = new CompletableFuture<>();
  private final WebSocket socket;

  private SignalingConnection(
      HttpClient http, String url, SignalCodec codec, LongAdder received, Duration timeout)
      throws InterruptedException, TimeoutException {
    this.codec = codec;
    this.messagesReceived = received;
    try {
      this.socket =
          http.newWebSocketBuilder()
              .connectTimeout(timeout)
              .buildAsync(URI.create(url), new Listener())
              .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException("WebSocket to " + url + " failed: " + e.getCause(), e);
    }
  }

  /** Opens the WebSocket (one shared {@code http} client carries all of them). */
  static SignalingConnection open(
      HttpClient http, String url, SignalCodec codec, LongAdder received, Duration timeout)
      throws InterruptedException, TimeoutException {
    return new SignalingConnection(http, url, codec, received, timeout);
  }

  /** Presents the join token. */
  void sendJoin(String joinToken) {
    send(
        new ClientMessage.Join(
            "join", SignalMessage.PROTOCOL_VERSION, joinToken, null, Map.of("sdk", "bench")));
  }

  ServerMessage.Joined awaitJoined(Duration timeout) throws Exception {
    return joined.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Sends an offer (no video bindings) and returns its pending answer. */
  CompletableFuture<ServerMessage.Answer> offer(String requestId, String sdp) {
    CompletableFuture<ServerMessage.Answer> answer = new CompletableFuture<>();
    answers.put(requestId, answer);
    send(new ClientMessage.Offer(requestId, sdp, Map.of()));
    return answer;
  }

  private void send(ClientMessage message) {
    socket.sendText(codec.encode(message), true).join();
  }

  /**
   * Leaves the meeting (so the server ends the session at once instead of keeping it for the resume
   * window), waits up to a second for {@code ended}, then closes the WebSocket.
   */
  @Override
  public void close() {
    try {
      if (!socket.isOutputClosed()) {
        send(new ClientMessage.Leave("leave"));
        try {
          ended.get(1, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
          // closing anyway
        }
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bench done").get(2, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // closing anyway
    }
    socket.abort();
  }

  private void failAll(String why) {
    IllegalStateException failure = new IllegalStateException(why);
    ended.completeExceptionally(failure);
    joined.completeExceptionally(failure);
    answers.values().forEach(a -> a.completeExceptionally(failure));
  }

  private void dispatch(String text) {
    messagesReceived.increment();
    String type = typeOf(text);
    switch (type) {
      case "joined" -> joined.complete(codec.decode(text, ServerMessage.Joined.class));
      case "answer" -> {
        ServerMessage.Answer answer = codec.decode(text, ServerMessage.Answer.class);
        CompletableFuture<ServerMessage.Answer> pending = answers.remove(answer.requestId());
        if (pending != null) {
          pending.complete(answer);
        }
      }
      case "ended" -> {
        ServerMessage.Ended end = codec.decode(text, ServerMessage.Ended.class);
        ended.complete(end);
        failAll("server ended the session: " + end.code() + " " + end.message());
      }
      case "status" -> {
        ServerMessage.Status status = codec.decode(text, ServerMessage.Status.class);
        if (status.code() != StatusCode.OK) {
          String why = "status " + status.code() + ": " + status.message();
          if ("join".equals(status.requestId())) {
            joined.completeExceptionally(new IllegalStateException(why));
          }
          CompletableFuture<ServerMessage.Answer> pending = answers.remove(status.requestId());
          if (pending != null) {
            pending.completeExceptionally(new IllegalStateException(why));
          }
        }
      }
      default -> {
        // broadcast traffic: counted only
      }
    }
  }

  /** The "type" property's value, found without parsing the whole message. */
  private static String typeOf(String text) {
    int at = text.indexOf("\"type\":\"");
    if (at < 0) {
      return "";
    }
    int from = at + 8;
    int to = text.indexOf('"', from);
    return to < 0 ? "" : text.substring(from, to);
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
          dispatch(text);
        } catch (RuntimeException e) {
          failAll("undecodable server message: " + e.getMessage());
        }
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      failAll("WebSocket closed by server: " + statusCode + " " + reason);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      failAll("WebSocket error: " + error);
    }
  }
}
