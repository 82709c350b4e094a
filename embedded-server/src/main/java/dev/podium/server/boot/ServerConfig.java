package dev.podium.server.boot;

import dev.podium.server.api.RateLimitSettings;
import dev.podium.server.meeting.MeetingLimits;
import dev.podium.server.notifications.WebhookSettings;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Everything a {@link PodiumServer} needs to start.
 *
 * @param bindAddress address the HTTP (and later media) sockets bind to
 * @param httpPort HTTP/WebSocket port; 0 picks a free one
 * @param mediaPort UDP media port (kept for the media engine; 0 picks a free one)
 * @param dataDirectory where the H2 store lives; null keeps state in memory only
 * @param apiKey the control API's key
 * @param limits the meeting service's limits
 * @param publicAddress host clients reach this server at (URLs, ICE), or null for the bind address
 * @param tls TLS settings, or null for plain HTTP
 * @param rateLimits per-address throttling of the control API
 * @param webhooks where meeting life-cycle events are posted ({@link WebhookSettings#NONE}:
 *     nowhere)
 */
public record ServerConfig(
    String bindAddress,
    int httpPort,
    int mediaPort,
    Path dataDirectory,
    String apiKey,
    MeetingLimits limits,
    String publicAddress,
    TlsSettings tls,
    RateLimitSettings rateLimits,
    WebhookSettings webhooks) {

  public static final String DEFAULT_BIND = "127.0.0.1";
  public static final int DEFAULT_HTTP_PORT = 8080;
  public static final int DEFAULT_MEDIA_PORT = 50000;

  public ServerConfig {
    Objects.requireNonNull(bindAddress, "bindAddress");
    Objects.requireNonNull(apiKey, "apiKey");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(rateLimits, "rateLimits");
    webhooks = webhooks == null ? WebhookSettings.NONE : webhooks;
    if (httpPort < 0 || httpPort > 65535 || mediaPort < 0 || mediaPort > 65535) {
      throw new IllegalArgumentException("ports must be 0 to 65535");
    }
    if (apiKey.isBlank()) {
      throw new IllegalArgumentException("the API key must not be blank");
    }
  }

  /** Loopback, default ports, in-memory state, default limits, no TLS. */
  public static ServerConfig defaults(String apiKey) {
    return new ServerConfig(
        DEFAULT_BIND,
        DEFAULT_HTTP_PORT,
        DEFAULT_MEDIA_PORT,
        null,
        apiKey,
        MeetingLimits.DEFAULTS,
        null,
        null,
        RateLimitSettings.DEFAULTS,
        WebhookSettings.NONE);
  }

  /** As {@link #defaults} but on ephemeral ports: for tests and embedding. */
  public static ServerConfig ephemeral(String apiKey) {
    return defaults(apiKey).withHttpPort(0).withMediaPort(0);
  }

  public ServerConfig withBindAddress(String value) {
    return new ServerConfig(
        value,
        httpPort,
        mediaPort,
        dataDirectory,
        apiKey,
        limits,
        publicAddress,
        tls,
        rateLimits,
        webhooks);
  }

  public ServerConfig withHttpPort(int value) {
    return new ServerConfig(
        bindAddress,
        value,
        mediaPort,
        dataDirectory,
        apiKey,
        limits,
        publicAddress,
        tls,
        rateLimits,
        webhooks);
  }

  public ServerConfig withMediaPort(int value) {
    return new ServerConfig(
        bindAddress,
        httpPort,
        value,
        dataDirectory,
        apiKey,
        limits,
        publicAddress,
        tls,
        rateLimits,
        webhooks);
  }

  public ServerConfig withDataDirectory(Path value) {
    return new ServerConfig(
        bindAddress,
        httpPort,
        mediaPort,
        value,
        apiKey,
        limits,
        publicAddress,
        tls,
        rateLimits,
        webhooks);
  }

  public ServerConfig withLimits(MeetingLimits value) {
    return new ServerConfig(
        bindAddress,
        httpPort,
        mediaPort,
        dataDirectory,
        apiKey,
        value,
        publicAddress,
        tls,
        rateLimits,
        webhooks);
  }

  public ServerConfig withPublicAddress(String value) {
    return new ServerConfig(
        bindAddress,
        httpPort,
        mediaPort,
        dataDirectory,
        apiKey,
        limits,
        value,
        tls,
        rateLimits,
        webhooks);
  }

  public ServerConfig withTls(TlsSettings value) {
    return new ServerConfig(
        bindAddress,
        httpPort,
        mediaPort,
        dataDirectory,
        apiKey,
        limits,
        publicAddress,
        value,
        rateLimits,
        webhooks);
  }

  public ServerConfig withRateLimits(RateLimitSettings value) {
    return new ServerConfig(
        bindAddress,
        httpPort,
        mediaPort,
        dataDirectory,
        apiKey,
        limits,
        publicAddress,
        tls,
        value,
        webhooks);
  }

  public ServerConfig withWebhooks(WebhookSettings value) {
    return new ServerConfig(
        bindAddress,
        httpPort,
        mediaPort,
        dataDirectory,
        apiKey,
        limits,
        publicAddress,
        tls,
        rateLimits,
        value);
  }

  /** The host put in URLs: the public address, else the bind address (loopback if wildcard). */
  public String advertisedHost() {
    if (publicAddress != null && !publicAddress.isBlank()) {
      return publicAddress;
    }
    return bindAddress.equals("0.0.0.0") || bindAddress.equals("::") ? "127.0.0.1" : bindAddress;
  }

  /** Hides the API key. */
  @Override
  public String toString() {
    return "ServerConfig[bind="
        + bindAddress
        + ", httpPort="
        + httpPort
        + ", mediaPort="
        + mediaPort
        + ", dataDirectory="
        + dataDirectory
        + ", apiKey=<redacted>, limits="
        + limits
        + ", publicAddress="
        + publicAddress
        + ", tls="
        + tls
        + ", rateLimits="
        + rateLimits
        + ", webhooks="
        + webhooks
        + "]";
  }
}
