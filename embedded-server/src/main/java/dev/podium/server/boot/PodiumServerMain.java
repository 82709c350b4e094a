package dev.podium.server.boot;

import dev.podium.server.api.RateLimitSettings;
import dev.podium.server.meeting.MeetingLimits;
import dev.podium.server.notifications.WebhookSettings;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The headless server: {@code java -jar podium-server.jar [options]}. Prints the URLs it serves and
 * the API key file's path (never the key); SIGTERM or Ctrl-C stops it cleanly.
 */
@Command(
    name = "podium-server",
    mixinStandardHelpOptions = true,
    version = "Podium server 0.1.0",
    sortOptions = false,
    description = "Runs the Podium meeting server: control API, signaling and media.")
public final class PodiumServerMain implements Callable<Integer> {

  @Option(
      names = "--http-port",
      paramLabel = "PORT",
      description = "HTTP/WebSocket port (0 = any free port). Default: ${DEFAULT-VALUE}.")
  int httpPort = ServerConfig.DEFAULT_HTTP_PORT;

  @Option(
      names = "--media-port",
      paramLabel = "PORT",
      description = "UDP media port. Default: ${DEFAULT-VALUE}.")
  int mediaPort = ServerConfig.DEFAULT_MEDIA_PORT;

  @Option(
      names = "--bind",
      paramLabel = "ADDRESS",
      description = "Address to listen on. Default: ${DEFAULT-VALUE} (this machine only).")
  String bind = ServerConfig.DEFAULT_BIND;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description =
          "Where meetings and attendees are stored. Default: ${DEFAULT-VALUE}"
              + " (relative to the working directory).")
  Path dataDir = Path.of("podium-data");

  @Option(
      names = "--api-key-file",
      paramLabel = "FILE",
      description =
          "File holding the control API key; created with a fresh random key"
              + " (mode 600) if missing. Default: <data-dir>/api-key.")
  Path apiKeyFile;

  @Option(
      names = "--max-attendees",
      paramLabel = "N",
      description = "Connected attendees per meeting. Default: ${DEFAULT-VALUE}.")
  int maxAttendees = MeetingLimits.DEFAULTS.maxConnectedAttendees();

  @Option(
      names = "--max-replicas",
      paramLabel = "N",
      description = "Replica meetings per primary. Default: ${DEFAULT-VALUE}.")
  int maxReplicas = MeetingLimits.DEFAULTS.maxReplicasPerPrimary();

  @Option(
      names = "--max-video-senders",
      paramLabel = "N",
      description =
          "Attendees sending camera video at once per meeting. Default: ${DEFAULT-VALUE}.")
  int maxVideoSenders = MeetingLimits.DEFAULTS.maxVideoSenders();

  @Option(
      names = "--max-content-shares",
      paramLabel = "N",
      description = "Content shares at once per meeting, 1 or 2. Default: ${DEFAULT-VALUE}.")
  int maxContentShares = MeetingLimits.DEFAULTS.maxContentShares();

  @Option(
      names = "--primary-idle-timeout",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description =
          "Delete a primary meeting (and its replicas) after this long with nobody"
              + " connected, e.g. 5m, 10s, 500ms. Default: 5m.")
  Duration primaryIdleTimeout = MeetingLimits.DEFAULTS.primaryIdleTimeout();

  @Option(
      names = "--public-address",
      paramLabel = "HOST",
      description =
          "Address clients reach this server at (URLs, ICE candidate behind NAT)."
              + " Default: the bind address.")
  String publicAddress;

  @Option(
      names = "--tls",
      description =
          "Serve HTTPS/WSS. Without --tls-cert/--tls-key a self-signed certificate is"
              + " generated and its SHA-256 fingerprint printed.")
  boolean tls;

  @Option(names = "--tls-cert", paramLabel = "PEM", description = "TLS certificate chain (PEM).")
  Path tlsCert;

  @Option(names = "--tls-key", paramLabel = "PEM", description = "TLS private key (PKCS#8 PEM).")
  Path tlsKey;

  @Option(
      names = "--webhook-url",
      paramLabel = "URL",
      description =
          "Post meeting events (meeting started/ended, attendee joined/left/dropped, ...) to this"
              + " URL, signed with --webhook-secret-file. Repeat for several receivers.")
  List<URI> webhookUrls = new ArrayList<>();

  @Option(
      names = "--webhook-secret-file",
      paramLabel = "FILE",
      description =
          "File holding the webhooks' shared HMAC-SHA256 secret (at least 16 bytes; surrounding"
              + " white space is ignored). Required with --webhook-url.")
  Path webhookSecretFile;

  private final CountDownLatch stopped = new CountDownLatch(1);

  public static void main(String[] args) {
    PodiumServerMain main = new PodiumServerMain();
    CommandLine commandLine = new CommandLine(main);
    int code = commandLine.execute(args);
    if (code != 0) {
      System.exit(code);
    }
    // Started servers return here after the shutdown hook ran: the JVM is already exiting.
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter err = new PrintWriter(System.err, true);
    if ((tlsCert == null) != (tlsKey == null)) {
      err.println("Give both --tls-cert and --tls-key, or neither.");
      return 2;
    }
    Path keyFile = apiKeyFile != null ? apiKeyFile : dataDir.resolve("api-key");
    String apiKey = ApiKeyFile.readOrCreate(keyFile);
    TlsSettings tlsSettings = null;
    if (tls || tlsCert != null) {
      tlsSettings = new TlsSettings(tlsCert, tlsKey);
    }
    WebhookSettings webhooks = WebhookSettings.NONE;
    if (!webhookUrls.isEmpty() || webhookSecretFile != null) {
      if (webhookUrls.isEmpty() || webhookSecretFile == null) {
        err.println("Give both --webhook-url and --webhook-secret-file, or neither.");
        return 2;
      }
      try {
        webhooks = WebhookSettings.of(webhookUrls, WebhookSettings.readSecret(webhookSecretFile));
      } catch (java.io.IOException e) {
        err.println("Cannot read --webhook-secret-file: " + e.getMessage());
        return 2;
      } catch (IllegalArgumentException e) {
        err.println("Invalid webhook option: " + e.getMessage());
        return 2;
      }
    }
    ServerConfig config;
    try {
      config =
          new ServerConfig(
              bind,
              httpPort,
              mediaPort,
              dataDir.toAbsolutePath().normalize(),
              apiKey,
              MeetingLimits.DEFAULTS
                  .withMaxConnectedAttendees(maxAttendees)
                  .withMaxReplicasPerPrimary(maxReplicas)
                  .withPrimaryIdleTimeout(primaryIdleTimeout)
                  .withMaxVideoSenders(maxVideoSenders)
                  .withMaxContentShares(maxContentShares),
              publicAddress,
              tlsSettings,
              RateLimitSettings.DEFAULTS,
              webhooks);
    } catch (IllegalArgumentException e) {
      err.println("Invalid option: " + e.getMessage());
      return 2;
    }
    PodiumServer server;
    try {
      server = PodiumServer.start(config);
    } catch (RuntimeException e) {
      err.println("Podium server could not start: " + e.getMessage());
      return 1;
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                },
                "podium-shutdown"));
    PrintWriter out = new PrintWriter(System.out, true);
    String http = server.urls().httpBase();
    out.println("Podium server started");
    out.println("  control API:   " + http + "/meetings");
    out.println("  signaling:     " + server.urls().webSocketBase() + "/v1/signaling/{MeetingId}");
    out.println("  health:        " + http + "/healthz");
    out.println("  metrics:       " + http + "/metrics");
    for (URI url : webhookUrls) {
      out.println("  webhooks to:   " + url);
    }
    out.println(
        "  media (UDP):   "
            + server.mediaAddress().getAddress().getHostAddress()
            + ":"
            + server.mediaAddress().getPort());
    out.println("  data dir:      " + config.dataDirectory());
    out.println("  API key file:  " + keyFile.toAbsolutePath().normalize());
    server
        .tlsFingerprint()
        .ifPresent(f -> out.println("  TLS certificate SHA-256 fingerprint: " + f));
    if ((bind.equals("0.0.0.0") || bind.equals("::")) && publicAddress == null) {
      out.println("  note: listening on all interfaces; set --public-address for the URLs");
    }
    stopped.await();
    return 0;
  }
}
