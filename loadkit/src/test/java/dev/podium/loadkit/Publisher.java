package dev.podium.loadkit;

import dev.podium.server.protocol.ClientMessage;
import dev.podium.server.protocol.ServerMessage;
import dev.podium.server.protocol.SignalMessage;
import dev.podium.testkit.TestPeer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** A real webrtc-java peer that joins through signaling and publishes (offers no bindings). */
final class Publisher implements AutoCloseable {
  private final TestPeer peer;
  private final SignalingConnection signaling;
  private final LinkedBlockingQueue<ServerMessage> inbox = new LinkedBlockingQueue<>();

  private final ScheduledExecutorService pings =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "publisher-pings");
            thread.setDaemon(true);
            return thread;
          });

  private Publisher(TestPeer peer, String signalingUrl) {
    this.peer = peer;
    this.signaling = SignalingConnection.open(signalingUrl, inbox::add);
    // The server drops a session without a ping for 30 s; long scale runs outlast that.
    pings.scheduleAtFixedRate(
        () -> signaling.send(new ClientMessage.Ping("ping")), 10, 10, TimeUnit.SECONDS);
  }

  /** Joins with {@code joinToken}, offers, applies the answer, waits until connected. */
  static Publisher publish(TestPeer peer, String signalingUrl, String joinToken)
      throws InterruptedException {
    Publisher publisher = new Publisher(peer, signalingUrl);
    publisher.signaling.send(
        new ClientMessage.Join(
            "join", SignalMessage.PROTOCOL_VERSION, joinToken, null, Map.of("sdk", "test")));
    publisher.await(ServerMessage.Joined.class);
    publisher.signaling.send(new ClientMessage.Offer("offer-1", peer.createOffer(), Map.of()));
    ServerMessage.Answer answer = publisher.await(ServerMessage.Answer.class);
    peer.setAnswer(answer.sdp());
    peer.awaitConnected(Duration.ofSeconds(10));
    return publisher;
  }

  private <T extends ServerMessage> T await(Class<T> type) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (true) {
      ServerMessage next = inbox.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (next == null) {
        throw new AssertionError("publisher got no " + type.getSimpleName());
      }
      if (type.isInstance(next)) {
        return type.cast(next);
      }
    }
  }

  @Override
  public void close() {
    pings.shutdownNow();
    signaling.close();
    peer.close();
  }
}
