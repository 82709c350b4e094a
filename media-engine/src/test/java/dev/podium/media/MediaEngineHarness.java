package dev.podium.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.media.routing.MediaKind;
import dev.podium.media.routing.Producer;
import dev.podium.media.routing.Router;
import dev.podium.media.session.MediaSession;
import dev.podium.media.session.MediaSessionListener;
import dev.podium.media.session.Negotiation;
import dev.podium.testkit.ReceivedAudio;
import dev.podium.testkit.ReceivedVideo;
import dev.podium.testkit.TestPeer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Connects webrtc-java test peers to a real {@link MediaEngine} on 127.0.0.1 without the meeting
 * service: the test plays the signaling server's part (offer in, answer out, bindings of receive
 * m-lines to producers).
 */
public final class MediaEngineHarness implements AutoCloseable {
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  public final MediaEngine engine;
  public final Router router;

  public MediaEngineHarness() throws InterruptedException {
    engine = MediaEngine.start(MediaEngineConfig.of("127.0.0.1", 0));
    router = engine.createRouter("test-meeting");
  }

  /** Negotiates a publishing peer and waits until it is connected. */
  public Published publish(TestPeer peer) throws Exception {
    MediaSession session = engine.createSession(router, peer.name(), new MediaSessionListener() {});
    Negotiation negotiation =
        session.negotiate(peer.createOffer(), Map.of()).get(5, TimeUnit.SECONDS);
    peer.setAnswer(negotiation.answerSdp());
    peer.awaitConnected(CONNECT_TIMEOUT);
    return new Published(session, negotiation);
  }

  /**
   * Negotiates a receiving peer: its n-th receive audio / video m-line is bound to the n-th
   * producer of that kind in {@code sources}.
   */
  public MediaSession subscribe(TestPeer peer, List<Producer> sources) throws Exception {
    MediaSession session = engine.createSession(router, peer.name(), new MediaSessionListener() {});
    String offer = peer.createOffer();
    Negotiation negotiation =
        session.negotiate(offer, bindings(peer, sources)).get(5, TimeUnit.SECONDS);
    peer.setAnswer(negotiation.answerSdp());
    peer.awaitConnected(CONNECT_TIMEOUT);
    return session;
  }

  public static Map<String, String> bindings(TestPeer peer, List<Producer> sources) {
    Map<String, String> bindings = new HashMap<>();
    List<Producer> audio = sources.stream().filter(p -> p.kind() == MediaKind.AUDIO).toList();
    List<Producer> video = sources.stream().filter(p -> p.kind() == MediaKind.VIDEO).toList();
    List<ReceivedAudio> audioSlots = peer.receivedAudio();
    for (int i = 0; i < Math.min(audio.size(), audioSlots.size()); i++) {
      bindings.put(audioSlots.get(i).mid(), audio.get(i).id());
    }
    List<ReceivedVideo> videoSlots = peer.receivedVideo();
    for (int i = 0; i < Math.min(video.size(), videoSlots.size()); i++) {
      bindings.put(videoSlots.get(i).mid(), video.get(i).id());
    }
    assertThat(bindings).as("receive m-lines bound").isNotEmpty();
    return bindings;
  }

  /** Feeds a datagram into the engine's pipeline as if it came from {@code from}. */
  public void inject(io.netty.buffer.ByteBuf datagram, java.net.InetSocketAddress from) {
    engine.injectDatagram(datagram, from);
  }

  @Override
  public void close() {
    router.close();
    engine.close();
  }

  /** A connected publisher: its session and what it negotiated. */
  public record Published(MediaSession session, Negotiation negotiation) {
    public List<Producer> producers() {
      return negotiation.producers();
    }
  }
}
