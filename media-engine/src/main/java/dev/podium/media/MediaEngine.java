package dev.podium.media;

import dev.podium.media.dtls.DtlsCertificate;
import dev.podium.media.net.MediaCounters;
import dev.podium.media.net.UdpEndpoint;
import dev.podium.media.routing.Router;
import dev.podium.media.session.MediaSession;
import dev.podium.media.session.MediaSessionListener;
import dev.podium.media.transport.TransportRegistry;
import io.netty.channel.EventLoop;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The media plane as one object: the UDP port, its transports and the routers (one per meeting).
 * Start one per server; it has no notion of meetings or attendees.
 */
public final class MediaEngine implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(MediaEngine.class);

  private final NioEventLoopGroup group;
  private final UdpEndpoint endpoint;
  private final TransportRegistry registry;
  private final MediaCounters counters;
  private final LongSupplier clockMillis;
  private final AtomicBoolean closed = new AtomicBoolean();

  private MediaEngine(
      NioEventLoopGroup group,
      UdpEndpoint endpoint,
      TransportRegistry registry,
      MediaCounters counters,
      LongSupplier clockMillis) {
    this.group = group;
    this.endpoint = endpoint;
    this.registry = registry;
    this.counters = counters;
    this.clockMillis = clockMillis;
  }

  /**
   * Generates the DTLS certificate, warms the crypto (a cold first handshake makes libwebrtc resend
   * its ClientHello), and binds the UDP port.
   */
  public static MediaEngine start(MediaEngineConfig config) throws InterruptedException {
    long started = System.nanoTime();
    DtlsCertificate certificate = DtlsCertificate.generate();
    certificate.warmUp();
    MediaCounters counters = new MediaCounters();
    LongSupplier clock = System::currentTimeMillis;
    TransportRegistry registry =
        new TransportRegistry(config.transport(), certificate, counters, clock);
    NioEventLoopGroup group = new NioEventLoopGroup(1, new DefaultThreadFactory("media", true));
    UdpEndpoint endpoint;
    try {
      endpoint = UdpEndpoint.bind(config.bindAddress(), group, registry, counters);
    } catch (InterruptedException | RuntimeException e) {
      group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
      throw e;
    }
    registry.attach(endpoint);
    log.info(
        "media engine ready on udp {} in {} ms (certificate {} {})",
        endpoint.localAddress(),
        (System.nanoTime() - started) / 1_000_000,
        certificate.fingerprintAlgorithm(),
        certificate.fingerprint());
    return new MediaEngine(group, endpoint, registry, counters, clock);
  }

  public InetSocketAddress localAddress() {
    return endpoint.localAddress();
  }

  public MediaCounters counters() {
    return counters;
  }

  /** The loop all media work runs on. */
  public EventLoop eventLoop() {
    return endpoint.eventLoop();
  }

  public int transportCount() {
    return registry.transportCount();
  }

  /** A router for one meeting. */
  public Router createRouter(String id) {
    return new Router(id, clockMillis, endpoint.eventLoop());
  }

  /**
   * A new peer connection of one attendee in {@code router}: its transport (fresh ICE credentials)
   * and SDP negotiation.
   */
  public MediaSession createSession(
      Router router, String sessionId, MediaSessionListener listener) {
    return new MediaSession(sessionId, router, registry, endpoint.eventLoop(), listener);
  }

  /** Feeds one datagram into the pipeline as if it came from {@code from} (tests only). */
  void injectDatagram(io.netty.buffer.ByteBuf datagram, InetSocketAddress from) {
    endpoint
        .eventLoop()
        .execute(
            () -> {
              try {
                registry.onDatagram(datagram, from);
              } catch (RuntimeException e) {
                counters.internalError();
              } finally {
                datagram.release();
              }
            });
  }

  /** Closes every transport and the UDP port. Idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    registry.close();
    try {
      endpoint.eventLoop().submit(endpoint::flush).await(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    endpoint.close();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
