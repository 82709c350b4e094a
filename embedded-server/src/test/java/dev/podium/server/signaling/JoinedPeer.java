package dev.podium.server.signaling;

import dev.podium.server.protocol.ClientMessage;
import dev.podium.server.protocol.ServerMessage;
import dev.podium.server.protocol.SignalMessage;
import dev.podium.testkit.ReceivedVideo;
import dev.podium.testkit.TestPeer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A webrtc-java peer joined through real signaling: what the client SDK does, spelled out for tests
 * (join, offer with video bindings, apply the answer).
 */
public final class JoinedPeer implements AutoCloseable {
  public final TestPeer peer;
  public final SignalingTestClient signaling;
  public final ServerMessage.Joined joined;

  private JoinedPeer(TestPeer peer, SignalingTestClient signaling, ServerMessage.Joined joined) {
    this.peer = peer;
    this.signaling = signaling;
    this.joined = joined;
  }

  /** Joins with {@code joinToken}; throws with the server's status if refused. */
  public static JoinedPeer join(TestPeer peer, String signalingUrl, String joinToken)
      throws InterruptedException {
    SignalingTestClient signaling = SignalingTestClient.connect(signalingUrl);
    signaling.send(
        new ClientMessage.Join(
            "join", SignalMessage.PROTOCOL_VERSION, joinToken, null, Map.of("sdk", "test")));
    ServerMessage.Joined joined = signaling.await(ServerMessage.Joined.class);
    return new JoinedPeer(peer, signaling, joined);
  }

  public String attendeeId() {
    return joined.self().attendeeId();
  }

  /** Offers with the receive video m-lines bound to {@code sources} in order; waits connected. */
  public void negotiate(List<ServerMessage.SourceInfo> sources) throws InterruptedException {
    negotiate(sources, false);
  }

  /**
   * Offers like {@link #negotiate(List)}; with {@code videoIsContent} the peer's sent video m-line
   * is named a content share. Returns the answer SDP.
   */
  public String negotiate(List<ServerMessage.SourceInfo> sources, boolean videoIsContent)
      throws InterruptedException {
    Map<String, String> bindings = new HashMap<>();
    List<ReceivedVideo> slots = peer.receivedVideo();
    String offer = peer.createOffer();
    for (int i = 0; i < Math.min(sources.size(), slots.size()); i++) {
      bindings.put(slots.get(i).mid(), sources.get(i).sourceId());
    }
    String requestId = "offer-" + UUID.randomUUID();
    List<String> contentMids = videoIsContent ? List.of(peer.sentVideoMid()) : null;
    signaling.send(new ClientMessage.Offer(requestId, offer, bindings, contentMids));
    ServerMessage.Answer answer =
        signaling.await(
            ServerMessage.Answer.class,
            a -> requestId.equals(a.requestId()),
            Duration.ofSeconds(10));
    peer.setAnswer(answer.sdp());
    peer.awaitConnected(Duration.ofSeconds(10));
    return answer.sdp();
  }

  @Override
  public void close() {
    signaling.close();
    peer.close();
  }
}
