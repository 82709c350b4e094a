package dev.podium.loadkit;

import dev.podium.server.protocol.ClientMessage;
import dev.podium.server.protocol.ServerMessage;
import dev.podium.server.protocol.SignalMessage;
import dev.podium.server.protocol.StatusCode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link LightPeer} joined to a Podium meeting through real signaling (docs/signaling.md): join →
 * joined, then offer with {@code videoBindings} for the first N sources → answer, and a new offer
 * whenever the {@code sources} list changes what the N video m-lines should carry (one offer in
 * flight at a time). Pings every 15 s keep the session alive.
 *
 * <p>Nothing blocks the WebSocket's threads: answers are applied where they arrive (parsing is
 * cheap) and the next offer is sent from there.
 */
public final class LightViewer implements AutoCloseable {
  private static final long PING_SECONDS = 15;

  private final LightPeer peer;
  private final SignalingConnection signaling;
  private final CompletableFuture<ServerMessage.Joined> joined = new CompletableFuture<>();
  private final CompletableFuture<Void> firstAnswer = new CompletableFuture<>();
  private final AtomicInteger requests = new AtomicInteger();
  private final ScheduledFuture<?> pings;

  // Guarded by this.
  private List<ServerMessage.SourceInfo> latestSources = List.of();
  private Map<String, String> boundSources;
  private Map<String, String> offeredBindings;
  private String offerInFlight;
  private volatile String failure;
  private volatile int answers;

  private LightViewer(LightPeerEngine engine, String signalingUrl, int videoSlots) {
    this.peer = engine.newPeer(videoSlots);
    this.signaling = SignalingConnection.open(signalingUrl, this::onMessage);
    this.pings =
        engine
            .timer()
            .scheduleAtFixedRate(
                () -> signaling.send(new ClientMessage.Ping("ping-" + requests.incrementAndGet())),
                PING_SECONDS,
                PING_SECONDS,
                TimeUnit.SECONDS);
  }

  /**
   * Connects, joins with {@code joinToken} and sends the first offer (binding the sources known at
   * join time); returns once the server answered it. Media then flows without further calls; {@link
   * LightPeer#awaitMedia} waits for it.
   *
   * @throws IllegalStateException when the server refuses the join or the offer, or does not answer
   *     within {@code timeout}
   */
  public static LightViewer join(
      LightPeerEngine engine,
      String signalingUrl,
      String joinToken,
      int videoSlots,
      Duration timeout) {
    LightViewer viewer = new LightViewer(engine, signalingUrl, videoSlots);
    try {
      viewer.peer.markJoinStarted();
      viewer.signaling.send(
          new ClientMessage.Join(
              "join", SignalMessage.PROTOCOL_VERSION, joinToken, null, Map.of("sdk", "loadkit")));
      long deadline = System.nanoTime() + timeout.toNanos();
      viewer.firstAnswer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      // Returning only once DTLS is up gives callers that join many viewers back-pressure: the
      // server allows 10 s from its answer to the end of the handshake.
      if (!viewer.peer.awaitConnected(Duration.ofNanos(deadline - System.nanoTime()))) {
        String reason = viewer.peer.failure();
        viewer.close();
        throw new IllegalStateException(
            "not connected within " + timeout + (reason == null ? "" : ": " + reason));
      }
      return viewer;
    } catch (ExecutionException e) {
      viewer.close();
      throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      viewer.close();
      throw new IllegalStateException(
          "no answer within " + timeout + (viewer.failure == null ? "" : ": " + viewer.failure));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      viewer.close();
      throw new IllegalStateException("interrupted while joining", e);
    }
  }

  /** The peer connection. */
  public LightPeer peer() {
    return peer;
  }

  /** The server's join reply. */
  public ServerMessage.Joined joined() {
    return joined.getNow(null);
  }

  /** The source id bound to each video mid by the latest applied answer. */
  public synchronized Map<String, String> boundSources() {
    return boundSources == null ? Map.of() : Map.copyOf(boundSources);
  }

  /** How many answers were applied (1 + renegotiations). */
  public int answers() {
    return answers;
  }

  /** The latest refusal (join or offer), or null. */
  public String failure() {
    return failure;
  }

  /** Shorthand for {@link LightPeer#awaitMedia}. */
  public boolean awaitMedia(int minAudioPackets, int minVideoPackets, Duration timeout)
      throws InterruptedException {
    return peer.awaitMedia(minAudioPackets, minVideoPackets, timeout);
  }

  /** Sends leave, closes the WebSocket and the peer. Idempotent. */
  @Override
  public void close() {
    pings.cancel(false);
    if (joined.isDone() && !joined.isCompletedExceptionally()) {
      signaling.send(new ClientMessage.Leave("leave"));
    }
    signaling.close();
    peer.close();
  }

  private void onMessage(ServerMessage message) {
    if (message instanceof ServerMessage.Joined j) {
      joined.complete(j);
      sourcesChanged(j.sources());
    } else if (message instanceof ServerMessage.Sources s) {
      sourcesChanged(s.sources());
    } else if (message instanceof ServerMessage.Answer a) {
      onAnswer(a);
    } else if (message instanceof ServerMessage.Status s && s.code() != StatusCode.OK) {
      onRefused(s.requestId(), s.code() + " " + s.message());
    } else if (message instanceof ServerMessage.Ended e) {
      failure = "ended: " + e.code() + " " + e.message();
      IllegalStateException error = new IllegalStateException(failure);
      joined.completeExceptionally(error);
      firstAnswer.completeExceptionally(error);
    }
  }

  private synchronized void sourcesChanged(List<ServerMessage.SourceInfo> sources) {
    latestSources = sources == null ? List.of() : List.copyOf(sources);
    offerIfNeeded();
  }

  private synchronized void onAnswer(ServerMessage.Answer answer) {
    if (offerInFlight == null || !offerInFlight.equals(answer.requestId())) {
      return;
    }
    try {
      peer.applyAnswer(answer.sdp());
    } catch (RuntimeException e) {
      failure = "cannot apply the answer: " + e.getMessage();
      offerInFlight = null;
      firstAnswer.completeExceptionally(e);
      return;
    }
    boundSources = offeredBindings;
    offerInFlight = null;
    answers++;
    firstAnswer.complete(null);
    offerIfNeeded();
  }

  private synchronized void onRefused(String requestId, String reason) {
    if (requestId != null && requestId.equals(offerInFlight)) {
      offerInFlight = null;
      failure = "offer refused: " + reason;
      firstAnswer.completeExceptionally(new IllegalStateException(failure));
    } else if ("join".equals(requestId)) {
      failure = "join refused: " + reason;
      firstAnswer.completeExceptionally(new IllegalStateException(failure));
    }
  }

  /** Offers when nothing is in flight and the wanted bindings differ from the applied ones. */
  private void offerIfNeeded() {
    if (offerInFlight != null || !joined.isDone()) {
      return;
    }
    Map<String, String> wanted = new LinkedHashMap<>();
    List<String> mids = peer.videoMids();
    for (int i = 0; i < Math.min(mids.size(), latestSources.size()); i++) {
      wanted.put(mids.get(i), latestSources.get(i).sourceId());
    }
    if (wanted.equals(boundSources)) {
      return;
    }
    offerInFlight = "offer-" + requests.incrementAndGet();
    offeredBindings = wanted;
    signaling.send(new ClientMessage.Offer(offerInFlight, peer.createOffer(), wanted));
  }
}
