package dev.podium.app.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.podium.app.client.MeetingSessionConfiguration;
import dev.podium.app.meeting.InviteLinks;
import dev.podium.server.boot.PodiumServer;
import dev.podium.server.boot.ServerConfig;
import dev.podium.server.boot.TlsSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Collections;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.HttpsURLConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Host a webinar from this laptop": runs the Podium server in this process (LAN address, free
 * ports, self-signed TLS whose fingerprint goes into every link), creates the primary meeting and
 * its host attendee through the control API on 127.0.0.1, and makes invite links — presenters in
 * the primary, viewers in replicas created as the audience grows.
 */
public final class LocalWebinar implements InviteLinks, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalWebinar.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Viewers put in one replica before the next is created. */
  static final int VIEWERS_PER_REPLICA = 200;

  private final PodiumServer server;
  private final String apiBase;
  private final String apiKey;
  private final String fingerprint;
  private final JsonNode primary;
  private final MeetingSessionConfiguration hostConfiguration;
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "podium-local-webinar");
            t.setDaemon(true);
            return t;
          });
  private final AtomicInteger presenters = new AtomicInteger();
  private final AtomicInteger viewers = new AtomicInteger();
  private JsonNode replica;
  private int replicaViewers;
  private boolean closed;

  private LocalWebinar(PodiumServer server, String apiKey, String title, String hostName) {
    this.server = server;
    this.apiKey = apiKey;
    // As 64 lower-case hex digits, the form join links carry (the server prints colon pairs).
    this.fingerprint =
        server
            .tlsFingerprint()
            .map(f -> f.replace(":", "").toLowerCase(java.util.Locale.ROOT))
            .orElse(null);
    this.apiBase = (fingerprint != null ? "https" : "http") + "://127.0.0.1:" + server.httpPort();
    ObjectNode meeting = JSON.createObjectNode().put("ExternalMeetingId", title);
    this.primary = call("POST", "/meetings", meeting).get("Meeting");
    JsonNode host = createAttendee(primary, hostName, "host");
    this.hostConfiguration =
        MeetingSessionConfiguration.fromControlApi(
            primary.toString(), host.toString(), fingerprint);
  }

  /**
   * Starts the server and the webinar.
   *
   * @param title the webinar's name (ExternalMeetingId)
   * @param hostName the host's display name (ExternalUserId)
   * @throws IllegalStateException with a user-readable message if the server cannot start
   */
  public static LocalWebinar start(String title, String hostName) {
    String lan = lanAddress();
    String bind = lan.equals("127.0.0.1") ? "127.0.0.1" : "0.0.0.0";
    String key = HexFormat.of().formatHex(new SecureRandom().generateSeed(24));
    ServerConfig config =
        ServerConfig.ephemeral(key)
            .withBindAddress(bind)
            .withPublicAddress(lan)
            .withTls(TlsSettings.selfSigned());
    PodiumServer server = PodiumServer.start(config);
    try {
      LocalWebinar webinar = new LocalWebinar(server, key, title, hostName);
      LOG.info(
          "Hosting webinar {} on {} (TLS SHA-256 {})",
          title,
          server.urls().httpBase(),
          webinar.fingerprint);
      return webinar;
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
  }

  /**
   * This machine's address on the local network (first up, non-loopback, site-local IPv4), or
   * 127.0.0.1 when there is none (then only this machine can join).
   */
  public static String lanAddress() {
    try {
      for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (!nic.isUp() || nic.isLoopback() || nic.isVirtual() || nic.isPointToPoint()) {
          continue;
        }
        for (InetAddress address : Collections.list(nic.getInetAddresses())) {
          if (address instanceof Inet4Address && address.isSiteLocalAddress()) {
            return address.getHostAddress();
          }
        }
      }
    } catch (SocketException e) {
      LOG.warn("Cannot list network interfaces; hosting on loopback only", e);
    }
    return "127.0.0.1";
  }

  /** The host's own join configuration (role host in the primary meeting). */
  public MeetingSessionConfiguration hostConfiguration() {
    return hostConfiguration;
  }

  /** The TLS certificate's SHA-256 (hex), as put in links. */
  public String fingerprint() {
    return fingerprint;
  }

  /** The running server. */
  public PodiumServer server() {
    return server;
  }

  @Override
  public CompletableFuture<String> newPresenterLink() {
    return CompletableFuture.supplyAsync(
        () ->
            link(
                primary,
                createAttendee(primary, "presenter-" + presenters.incrementAndGet(), "presenter")),
        worker);
  }

  @Override
  public CompletableFuture<String> newAudienceLink() {
    return CompletableFuture.supplyAsync(
        () -> {
          if (replica == null || replicaViewers >= VIEWERS_PER_REPLICA) {
            ObjectNode body =
                JSON.createObjectNode()
                    .put("PrimaryMeetingId", primary.get("MeetingId").asText())
                    .put(
                        "ExternalMeetingId",
                        primary.path("ExternalMeetingId").asText("webinar") + "-audience");
            replica = call("POST", "/meetings", body).get("Meeting");
            replicaViewers = 0;
          }
          replicaViewers++;
          return link(
              replica, createAttendee(replica, "viewer-" + viewers.incrementAndGet(), "viewer"));
        },
        worker);
  }

  @Override
  public CompletableFuture<Void> endWebinar() {
    return CompletableFuture.runAsync(
        () -> call("DELETE", "/meetings/" + primary.get("MeetingId").asText(), null), worker);
  }

  private String link(JsonNode meeting, JsonNode attendee) {
    return MeetingSessionConfiguration.fromControlApi(
            meeting.toString(), attendee.toString(), fingerprint)
        .toJoinLink();
  }

  private JsonNode createAttendee(JsonNode meeting, String name, String role) {
    ObjectNode body = JSON.createObjectNode().put("ExternalUserId", name).put("Role", role);
    return call("POST", "/meetings/" + meeting.get("MeetingId").asText() + "/attendees", body)
        .get("Attendee");
  }

  private JsonNode call(String method, String path, JsonNode body) {
    try {
      HttpURLConnection c = (HttpURLConnection) new URL(apiBase + path).openConnection();
      if (c instanceof HttpsURLConnection https) {
        // Our own server on loopback: trust exactly its certificate; the name is the LAN address.
        https.setSSLSocketFactory(PinnedTls.socketFactory(fingerprint));
        https.setHostnameVerifier((host, session) -> true);
      }
      c.setRequestMethod(method);
      c.setConnectTimeout(5000);
      c.setReadTimeout(10000);
      c.setRequestProperty("Authorization", "Bearer " + apiKey);
      if (body != null) {
        c.setDoOutput(true);
        c.setRequestProperty("Content-Type", "application/json");
        try (OutputStream out = c.getOutputStream()) {
          out.write(JSON.writeValueAsBytes(body));
        }
      }
      int code = c.getResponseCode();
      try (InputStream in = code / 100 == 2 ? c.getInputStream() : c.getErrorStream()) {
        String text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        if (code / 100 != 2) {
          throw new IllegalStateException(
              "the embedded server refused " + method + " " + path + " (" + code + "): " + text);
        }
        return text.isEmpty() ? JSON.createObjectNode() : JSON.readTree(text);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot reach the embedded server: " + e.getMessage(), e);
    }
  }

  /** Stops the server (the webinar ends for everyone). Idempotent. */
  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      worker.shutdownNow();
      server.close();
    }
  }
}
