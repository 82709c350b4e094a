package dev.podium.bench;

import dev.podium.server.protocol.ServerMessage;
import dev.podium.server.protocol.SignalCodec;
import dev.podium.testkit.PeerEnvironment;
import dev.podium.testkit.TestPeer;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Joins many receive-only audio peers into one meeting at once, through real signaling and real
 * webrtc-java peer connections, and times each from join token to media connected. Peers and
 * WebSockets stay open afterwards (so memory can be measured with them connected) until {@link
 * #close()}.
 */
final class JoinRound implements AutoCloseable {
  /** Longest single wait (WebSocket open, joined, answer, connected) of one join. */
  private static final Duration STEP_TIMEOUT = Duration.ofSeconds(30);

  private final String label;
  private final PeerEnvironment env;
  private final HttpClient http;
  private final SignalCodec codec = new SignalCodec();
  private final LongAdder messagesReceived = new LongAdder();
  private final ConcurrentLinkedQueue<JoinTiming> timings = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<TestPeer> peers = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<SignalingConnection> connections =
      new ConcurrentLinkedQueue<>();
  private final Map<String, Integer> failures = new TreeMap<>();
  private final AtomicInteger started = new AtomicInteger();
  private long startNanos;
  private long endNanos;

  JoinRound(String label, PeerEnvironment env) {
    this.label = label;
    this.env = env;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  }

  /**
   * Runs one join per token on {@code threads} threads and returns when all finished or {@code
   * budget} ran out (then the joins still running are interrupted and counted as failures).
   */
  void run(String signalingUrl, List<String> tokens, int threads, Duration budget)
      throws InterruptedException {
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "bench-join-" + label);
              t.setDaemon(true);
              return t;
            });
    long deadline = System.nanoTime() + budget.toNanos();
    startNanos = System.nanoTime();
    for (int i = 0; i < tokens.size(); i++) {
      int index = i;
      pool.execute(() -> joinOne(signalingUrl, tokens.get(index), index, deadline));
    }
    pool.shutdown();
    if (!pool.awaitTermination(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
      int notStarted = pool.shutdownNow().size();
      if (notStarted > 0) {
        synchronized (failures) {
          failures.merge("not started before the time budget ran out", notStarted, Integer::sum);
        }
      }
      pool.awaitTermination(10, TimeUnit.SECONDS);
    }
    endNanos = System.nanoTime();
  }

  private void joinOne(String signalingUrl, String token, int index, long deadline) {
    started.incrementAndGet();
    try {
      long wsStart = System.nanoTime();
      SignalingConnection signaling =
          SignalingConnection.open(http, signalingUrl, codec, messagesReceived, step(deadline));
      connections.add(signaling);
      long wsOpen = System.nanoTime();
      TestPeer peer =
          env.newPeer(label + "-" + index).receiveAudio(1).operationTimeout(STEP_TIMEOUT).build();
      peers.add(peer);
      long tokenSent = System.nanoTime();
      signaling.sendJoin(token);
      signaling.awaitJoined(step(deadline));
      long joined = System.nanoTime();
      String offer = peer.createOffer();
      ServerMessage.Answer answer =
          signaling
              .offer("offer-" + index, offer)
              .get(step(deadline).toMillis(), TimeUnit.MILLISECONDS);
      long answered = System.nanoTime();
      peer.setAnswer(answer.sdp());
      peer.awaitConnected(step(deadline));
      long connected = System.nanoTime();
      timings.add(
          new JoinTiming(
              wsOpen - wsStart,
              joined - tokenSent,
              answered - tokenSent,
              connected - tokenSent,
              connected));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail("interrupted (time budget ran out)");
    } catch (ExecutionException e) {
      fail(describe(e.getCause()));
    } catch (Exception | Error e) {
      fail(describe(e));
    }
  }

  private static Duration step(long deadline) {
    long left = Math.max(1_000_000, deadline - System.nanoTime());
    return Duration.ofNanos(Math.min(left, STEP_TIMEOUT.toNanos()));
  }

  /** An error's class and message with the peer name removed, so equal failures group. */
  private static String describe(Throwable e) {
    String message = String.valueOf(e.getMessage()).replaceAll("\\b[a-z-]+-\\d+: ", "");
    if (message.length() > 160) {
      message = message.substring(0, 160) + "…";
    }
    return e.getClass().getSimpleName() + ": " + message;
  }

  private void fail(String why) {
    synchronized (failures) {
      failures.merge(why, 1, Integer::sum);
    }
  }

  List<JoinTiming> timings() {
    return new ArrayList<>(timings);
  }

  int connectedCount() {
    return timings.size();
  }

  int startedCount() {
    return started.get();
  }

  /** Failure descriptions and how often each happened. */
  Map<String, Integer> failures() {
    synchronized (failures) {
      return new TreeMap<>(failures);
    }
  }

  /** Signaling messages all clients received (joined, answers, presence, volumes…). */
  long messagesReceived() {
    return messagesReceived.sum();
  }

  /** From the first submission to the end of the last join (or the budget). */
  Duration wallTime() {
    return Duration.ofNanos(endNanos - startNanos);
  }

  /** From the first submission to the last CONNECTED. */
  Duration timeToLastConnected() {
    long last = timings.stream().mapToLong(JoinTiming::connectedAtNanos).max().orElse(startNanos);
    return Duration.ofNanos(last - startNanos);
  }

  /** Closes every peer connection, then every WebSocket. */
  @Override
  public void close() {
    for (TestPeer peer : peers) {
      try {
        peer.close();
      } catch (RuntimeException e) {
        fail("close: " + describe(e));
      }
    }
    peers.clear();
    for (SignalingConnection connection : connections) {
      connection.close();
    }
    connections.clear();
  }
}
