package dev.podium.server.boot;

import dev.podium.media.MediaEngine;
import dev.podium.media.MediaEngineConfig;
import dev.podium.media.net.DropReason;
import dev.podium.media.net.MediaCounters;
import dev.podium.media.transport.TransportConfig;
import dev.podium.server.api.ApiHttpHandler;
import dev.podium.server.api.ApiKeyVerifier;
import dev.podium.server.api.ControlApi;
import dev.podium.server.api.HttpPipelineExtension;
import dev.podium.server.api.HttpServerInitializer;
import dev.podium.server.api.ServerUrls;
import dev.podium.server.events.EventIngestionHandler;
import dev.podium.server.meeting.MeetingRepository;
import dev.podium.server.meeting.MeetingService;
import dev.podium.server.metrics.MetricsRegistry;
import dev.podium.server.notifications.WebhookNotifier;
import dev.podium.server.signaling.Rooms;
import dev.podium.server.signaling.SignalingExtension;
import dev.podium.server.store.H2MeetingRepository;
import dev.podium.server.transcription.VoskModelInstaller;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutorGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Podium server: the control API (and, through an extension, signaling) on one Netty HTTP
 * port, the meeting service and its store, and the idle-meeting sweep. Start it with {@link
 * #start}; {@link #close()} stops it and flushes the store.
 */
public final class PodiumServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(PodiumServer.class);

  /** Threads running the control API handler (it writes to the store, off the event loops). */
  static final int API_THREADS = 2;

  /** Netty event loop threads for HTTP connections. */
  static final int IO_THREADS = 2;

  /** How long close() waits for threads to finish. */
  static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(3);

  private final ServerConfig config;
  private final MeetingRepository repository;
  private final MeetingService meetings;
  private final MetricsRegistry metrics;
  private final EventLoopGroup bossGroup;
  private final EventLoopGroup workerGroup;
  private final EventExecutorGroup apiExecutors;
  private final ScheduledExecutorService sweeper;
  private final ChannelGroup channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
  private final SslContext tls;
  private final String tlsFingerprint;
  private MediaEngine media;
  private Rooms rooms;
  private WebhookNotifier webhooks;
  private Channel serverChannel;
  private ServerUrls urls;
  private boolean closed;

  private PodiumServer(ServerConfig config) {
    this.config = config;
    SslContext tls = null;
    String fingerprint = null;
    if (config.tls() != null) {
      try {
        if (config.tls().isSelfSigned()) {
          SelfSignedCertificate self = SelfSignedCertificate.generate(config.advertisedHost());
          tls = SslContextBuilder.forServer(self.privateKey(), self.certificate()).build();
          fingerprint = SelfSignedCertificate.fingerprint(self.certificate());
        } else {
          tls =
              SslContextBuilder.forServer(
                      config.tls().certificateChain().toFile(), config.tls().privateKey().toFile())
                  .build();
        }
      } catch (SSLException | IllegalArgumentException e) {
        throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
      }
    }
    this.tlsFingerprint = fingerprint;
    this.tls = tls;
    this.repository =
        config.dataDirectory() == null
            ? H2MeetingRepository.inMemory()
            : H2MeetingRepository.open(config.dataDirectory());
    this.meetings = new MeetingService(repository, config.limits(), Clock.systemUTC());
    this.metrics = new MetricsRegistry();
    metrics.gauge(
        "podium_meetings", "Meetings that exist (primaries and replicas)", meetings::meetingCount);
    metrics.gauge(
        "podium_attendees", "Attendees that exist (not deleted)", meetings::attendeeCount);
    metrics.gauge(
        "podium_connected_attendees", "Attendees counted as connected", meetings::connectedCount);
    this.bossGroup = new NioEventLoopGroup(1, new DefaultThreadFactory("podium-http-accept"));
    this.workerGroup = new NioEventLoopGroup(IO_THREADS, new DefaultThreadFactory("podium-http"));
    this.apiExecutors =
        new DefaultEventExecutorGroup(API_THREADS, new DefaultThreadFactory("podium-api"));
    this.sweeper =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "podium-idle-sweep");
              t.setDaemon(true);
              return t;
            });
  }

  /** Starts a server with the control API only. */
  public static PodiumServer start(ServerConfig config) {
    return start(config, null);
  }

  /**
   * Starts a server.
   *
   * @param extension makes the handlers added to each HTTP connection (e.g. signaling), given the
   *     server's context; null for none
   * @throws IllegalStateException if the port cannot be bound or the store cannot be opened
   */
  public static PodiumServer start(
      ServerConfig config, Function<ServerContext, HttpPipelineExtension> extension) {
    PodiumServer server = new PodiumServer(config);
    try {
      server.bind(extension);
      return server;
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
  }

  private void bind(Function<ServerContext, HttpPipelineExtension> extensionFactory) {
    startMedia();
    if (config.webhooks().enabled()) {
      webhooks = new WebhookNotifier(config.webhooks(), metrics, Clock.systemUTC());
      meetings.events().addListener(webhooks);
    }
    rooms =
        new Rooms(
            meetings,
            media,
            metrics,
            // The model gets a directory of its own: the installer replaces whatever is there.
            VoskModelInstaller.directoryIn(
                config.dataDirectory() != null
                    ? config.dataDirectory()
                    : java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "podium")));
    metrics.gauge("podium_signaling_participants", "Joined attendees", rooms::participantCount);
    metrics.gauge(
        "podium_audio_mixer_ticks_total", "Mixer ticks (20 ms)", () -> rooms.mixerTotals().ticks());
    metrics.gauge(
        "podium_audio_mixer_encodes_total",
        "Opus encodes by the mixers",
        () -> rooms.mixerTotals().encoderInvocations());
    metrics.gauge(
        "podium_audio_mixer_concealed_frames_total",
        "Frames the mixers concealed (loss or late packets)",
        () -> rooms.mixerTotals().concealedFrames());
    metrics.gauge(
        "podium_audio_mixer_tick_seconds_max",
        "Longest mixer tick in any live meeting",
        () -> rooms.mixerTotals().maxTickNanos() / 1e9);
    metrics.gauge(
        "podium_audio_mixer_tick_seconds_last",
        "Latest mixer tick time (largest over live meetings)",
        () -> rooms.mixerTotals().lastTickNanos() / 1e9);
    SignalingExtension signaling = new SignalingExtension(rooms);
    HttpPipelineExtension extra =
        extensionFactory == null
            ? null
            : extensionFactory.apply(new ServerContext(config, meetings, metrics));
    HttpPipelineExtension extension =
        extra == null
            ? signaling
            : pipeline -> {
              signaling.addHandlers(pipeline);
              extra.addHandlers(pipeline);
            };
    ControlApi api = new ControlApi(meetings);
    api.setTranscriptionControl(rooms);
    ApiHttpHandler handler =
        new ApiHttpHandler(api, new ApiKeyVerifier(config.apiKey()), config.rateLimits(), metrics);
    handler.setEventIngestion(new EventIngestionHandler(meetings, metrics));
    ServerBootstrap bootstrap =
        new ServerBootstrap()
            .group(bossGroup, workerGroup)
            .channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_BACKLOG, 1024)
            .childHandler(
                new HttpServerInitializer(tls, handler, apiExecutors, extension, channels));
    try {
      serverChannel =
          bootstrap.bind(config.bindAddress(), config.httpPort()).syncUninterruptibly().channel();
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "cannot listen on " + config.bindAddress() + ":" + config.httpPort() + ": " + e, e);
    }
    urls = ServerUrls.of(config.advertisedHost(), httpPort(), tls != null);
    api.setUrls(urls);
    long period = sweepPeriodMillis(config.limits().primaryIdleTimeout());
    sweeper.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.MILLISECONDS);
    log.info("Podium server listening on {} ({})", urls.httpBase(), config);
  }

  private void startMedia() {
    String announced = config.advertisedHost();
    try {
      media =
          MediaEngine.start(
              new MediaEngineConfig(
                  new InetSocketAddress(config.bindAddress(), config.mediaPort()),
                  TransportConfig.defaults(announced)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the media engine", e);
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "cannot start media on udp " + config.bindAddress() + ":" + config.mediaPort() + ": " + e,
          e);
    }
    dev.podium.media.audio.MeetingAudio.warmUp(dev.podium.media.audio.OpusCodecs.concentus());
    MediaCounters counters = media.counters();
    metrics.gauge("podium_media_transports", "WebRTC connections", media::transportCount);
    metrics.gauge("podium_media_packets_in_total", "Datagrams received", counters::packetsIn);
    metrics.gauge("podium_media_bytes_in_total", "Bytes received", counters::bytesIn);
    metrics.gauge("podium_media_packets_out_total", "Datagrams sent", counters::packetsOut);
    metrics.gauge("podium_media_bytes_out_total", "Bytes sent", counters::bytesOut);
    metrics.gauge(
        "podium_media_internal_errors_total",
        "Exceptions caught on the packet path (should be 0)",
        counters::internalErrors);
    for (DropReason reason : DropReason.values()) {
      metrics.gauge(
          "podium_media_dropped_" + reason.metricName() + "_total",
          "Packets dropped: " + reason.metricName().replace('_', ' '),
          () -> counters.drops(reason));
    }
  }

  /** The UDP media address actually bound. */
  public InetSocketAddress mediaAddress() {
    return media.localAddress();
  }

  /** The live meeting rooms (signaling state). */
  public Rooms rooms() {
    return rooms;
  }

  /** The media engine (for tests and metrics). */
  public MediaEngine media() {
    return media;
  }

  /** How often idle primaries are looked for: a fifth of the timeout, within 10 ms to 1 s. */
  static long sweepPeriodMillis(Duration idleTimeout) {
    return Math.max(10, Math.min(1000, idleTimeout.toMillis() / 5));
  }

  private void sweep() {
    try {
      meetings.sweepIdleMeetings();
    } catch (RuntimeException e) {
      log.warn("Idle meeting sweep failed: {}", e.toString());
    }
  }

  /** The HTTP port actually bound (useful with port 0). */
  public int httpPort() {
    return ((InetSocketAddress) serverChannel.localAddress()).getPort();
  }

  /** The HTTP socket address actually bound. */
  public InetSocketAddress httpAddress() {
    return (InetSocketAddress) serverChannel.localAddress();
  }

  /** The base URLs clients use. */
  public ServerUrls urls() {
    return urls;
  }

  public MeetingService meetings() {
    return meetings;
  }

  public MetricsRegistry metrics() {
    return metrics;
  }

  public ServerConfig config() {
    return config;
  }

  /** The SHA-256 fingerprint of a generated self-signed certificate, if one is used. */
  public Optional<String> tlsFingerprint() {
    return Optional.ofNullable(tlsFingerprint);
  }

  /** Stops accepting, closes connections, stops threads and closes the store. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    sweeper.shutdownNow();
    if (rooms != null) {
      rooms.close();
    }
    if (webhooks != null) {
      meetings.events().removeListener(webhooks);
      webhooks.close();
    }
    if (serverChannel != null) {
      serverChannel.close().awaitUninterruptibly(SHUTDOWN_TIMEOUT.toMillis());
    }
    channels.close().awaitUninterruptibly(SHUTDOWN_TIMEOUT.toMillis());
    long timeout = SHUTDOWN_TIMEOUT.toMillis();
    bossGroup.shutdownGracefully(0, timeout, TimeUnit.MILLISECONDS);
    workerGroup.shutdownGracefully(0, timeout, TimeUnit.MILLISECONDS);
    apiExecutors.shutdownGracefully(0, timeout, TimeUnit.MILLISECONDS);
    bossGroup.terminationFuture().awaitUninterruptibly(timeout);
    workerGroup.terminationFuture().awaitUninterruptibly(timeout);
    apiExecutors.terminationFuture().awaitUninterruptibly(timeout);
    if (media != null) {
      media.close();
    }
    repository.close();
    log.info("Podium server stopped");
  }
}
