package dev.podium.media.transport;

import dev.podium.media.dtls.DatagramSender;
import dev.podium.media.dtls.DtlsCertificate;
import dev.podium.media.dtls.DtlsListener;
import dev.podium.media.dtls.DtlsServerSession;
import dev.podium.media.ice.IceCredentials;
import dev.podium.media.ice.IceLiteAgent;
import dev.podium.media.ice.StunMessage;
import dev.podium.media.net.DatagramReceiver;
import dev.podium.media.net.DropReason;
import dev.podium.media.net.MediaCounters;
import dev.podium.media.net.PacketClassifier;
import dev.podium.media.net.PacketKind;
import dev.podium.media.net.UdpEndpoint;
import io.netty.buffer.ByteBuf;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Demultiplexes the shared UDP port among {@link WebRtcTransport}s: the hot path of RFC 7983. A
 * STUN binding request finds its transport by the local ufrag in USERNAME; once it passes the
 * check, its source address is bound to that transport, and DTLS, RTP and RTCP are accepted only
 * from bound addresses.
 */
public final class TransportRegistry implements DatagramReceiver, AutoCloseable {
  private final TransportConfig config;
  private final DtlsCertificate certificate;
  private final MediaCounters counters;
  private final LongSupplier clockMillis;
  private final ExecutorService dtlsExecutor;

  /** By local ICE ufrag; written from control threads. */
  private final Map<String, WebRtcTransport> byUfrag = new ConcurrentHashMap<>();

  /** By validated remote address; event loop only. */
  private final Map<InetSocketAddress, WebRtcTransport> byAddress = new HashMap<>();

  private UdpEndpoint endpoint;
  private ScheduledFuture<?> ticker;

  public TransportRegistry(
      TransportConfig config,
      DtlsCertificate certificate,
      MediaCounters counters,
      LongSupplier clockMillis) {
    this.config = config;
    this.certificate = certificate;
    this.counters = counters;
    this.clockMillis = clockMillis;
    AtomicInteger threads = new AtomicInteger();
    this.dtlsExecutor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "dtls-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /** Connects the registry to its bound port and starts the once-a-second consent check. */
  public void attach(UdpEndpoint endpoint) {
    this.endpoint = endpoint;
    this.ticker =
        endpoint.eventLoop().scheduleAtFixedRate(this::checkConsent, 1, 1, TimeUnit.SECONDS);
  }

  /** Creates a transport with fresh ICE credentials; it waits for its remote parameters. */
  public WebRtcTransport createTransport(TransportListener listener) {
    IceCredentials local;
    do {
      local = IceCredentials.random();
    } while (byUfrag.containsKey(local.ufrag()));
    IceLiteAgent agent = new IceLiteAgent(local, clockMillis, config.consentTimeoutMillis());
    WebRtcTransport transport =
        new WebRtcTransport(UUID.randomUUID().toString(), this, agent, listener);
    byUfrag.put(local.ufrag(), transport);
    return transport;
  }

  public int transportCount() {
    return byUfrag.size();
  }

  public MediaCounters counters() {
    return counters;
  }

  @Override
  public void onDatagram(ByteBuf content, InetSocketAddress sender) {
    PacketKind kind = PacketClassifier.classify(content);
    switch (kind) {
      case STUN -> onStun(content, sender);
      case DTLS -> {
        WebRtcTransport transport = byAddress.get(sender);
        if (transport == null) {
          counters.drop(DropReason.UNBOUND_ADDRESS);
        } else {
          transport.onDtls(content, sender);
        }
      }
      case RTP, RTCP -> {
        WebRtcTransport transport = byAddress.get(sender);
        if (transport == null) {
          counters.drop(DropReason.UNBOUND_ADDRESS);
        } else {
          transport.onSrtp(content, sender, kind == PacketKind.RTCP);
        }
      }
      default -> counters.drop(DropReason.UNKNOWN_PROTOCOL);
    }
  }

  private void onStun(ByteBuf content, InetSocketAddress sender) {
    StunMessage message = StunMessage.decode(content);
    if (message == null || message.type() != StunMessage.BINDING_REQUEST) {
      counters.drop(DropReason.MALFORMED_STUN);
      return;
    }
    String username = message.username().orElse("");
    int colon = username.indexOf(':');
    WebRtcTransport transport = byUfrag.get(colon < 0 ? username : username.substring(0, colon));
    if (transport == null) {
      counters.drop(DropReason.BAD_STUN_CREDENTIALS);
      return;
    }
    transport.onStun(message, sender);
  }

  void bindAddress(InetSocketAddress address, WebRtcTransport transport) {
    WebRtcTransport previous = byAddress.put(address, transport);
    if (previous != null && previous != transport) {
      // The address moved to another connection (client reconnected from the same port).
      previous.close("remote address taken over by another connection");
      byAddress.put(address, transport);
    }
  }

  void unregister(WebRtcTransport transport) {
    byUfrag.remove(transport.ice().localCredentials().ufrag(), transport);
    byAddress.values().removeIf(t -> t == transport);
  }

  private void checkConsent() {
    List<WebRtcTransport> all = new ArrayList<>(byUfrag.values());
    for (WebRtcTransport transport : all) {
      transport.checkConsent();
    }
    endpoint.flush();
  }

  DtlsServerSession newDtlsSession(
      RemoteParameters remote, DatagramSender sender, DtlsListener listener) {
    return new DtlsServerSession(
        certificate,
        remote.fingerprintAlgorithm(),
        remote.fingerprint(),
        sender,
        listener,
        dtlsExecutor,
        config.srtpProfiles(),
        config.dtlsHandshakeTimeoutMillis());
  }

  LocalParameters localParameters(IceCredentials ice) {
    return new LocalParameters(
        ice,
        certificate.fingerprintAlgorithm(),
        certificate.fingerprint(),
        config.announcedIp(),
        endpoint.localAddress().getPort());
  }

  void sendRaw(ByteBuf data, InetSocketAddress to) {
    endpoint.send(data, to);
  }

  /** Runs {@code task} on the media event loop: now if already there, else queued. */
  public void runOnLoop(Runnable task) {
    if (endpoint.eventLoop().inEventLoop()) {
      task.run();
    } else {
      endpoint.eventLoop().execute(task);
    }
  }

  long nowMillis() {
    return clockMillis.getAsLong();
  }

  long consentTimeoutMillis() {
    return config.consentTimeoutMillis();
  }

  @Override
  public void close() {
    if (ticker != null) {
      ticker.cancel(false);
    }
    for (WebRtcTransport transport : new ArrayList<>(byUfrag.values())) {
      transport.close("media engine shutting down");
    }
    dtlsExecutor.shutdown();
  }
}
