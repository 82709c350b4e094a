package dev.podium.server.notifications;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Where and how webhooks are delivered.
 *
 * @param urls the receivers ({@code http://} or {@code https://}); empty: no webhooks
 * @param secret the shared HMAC-SHA256 key (at least {@link #MIN_SECRET_BYTES} bytes)
 * @param initialBackoff the first retry's delay; it doubles per failed attempt
 * @param maxBackoff the longest delay between attempts
 * @param requestTimeout one delivery attempt's limit
 * @param maxQueuedEvents most undelivered events kept per URL; beyond, the oldest are dropped
 */
public record WebhookSettings(
    List<URI> urls,
    byte[] secret,
    Duration initialBackoff,
    Duration maxBackoff,
    Duration requestTimeout,
    int maxQueuedEvents) {

  /** Shortest accepted secret. */
  public static final int MIN_SECRET_BYTES = 16;

  /** No webhooks. */
  public static final WebhookSettings NONE =
      new WebhookSettings(
          List.of(),
          null,
          Duration.ofSeconds(1),
          Duration.ofMinutes(1),
          Duration.ofSeconds(5),
          10_000);

  public WebhookSettings {
    urls = List.copyOf(urls);
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    for (URI url : urls) {
      String scheme = Objects.requireNonNullElse(url.getScheme(), "");
      if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
        throw new IllegalArgumentException("a webhook URL must be http:// or https://: " + url);
      }
    }
    if (!urls.isEmpty() && (secret == null || secret.length < MIN_SECRET_BYTES)) {
      throw new IllegalArgumentException(
          "webhooks need a secret of at least " + MIN_SECRET_BYTES + " bytes");
    }
    secret = secret == null ? null : secret.clone();
    if (initialBackoff.isNegative()
        || initialBackoff.isZero()
        || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("back-off must be positive and max >= initial");
    }
    if (maxQueuedEvents < 1) {
      throw new IllegalArgumentException("maxQueuedEvents must be at least 1");
    }
  }

  /** Webhooks to {@code urls} signed with {@code secret}, default back-off and bounds. */
  public static WebhookSettings of(List<URI> urls, byte[] secret) {
    return new WebhookSettings(
        urls,
        secret,
        NONE.initialBackoff,
        NONE.maxBackoff,
        NONE.requestTimeout,
        NONE.maxQueuedEvents);
  }

  /**
   * Reads a secret file: its content, trimmed of surrounding white space, as UTF-8 bytes.
   *
   * @throws IOException if it cannot be read
   */
  public static byte[] readSecret(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8).strip().getBytes(StandardCharsets.UTF_8);
  }

  public boolean enabled() {
    return !urls.isEmpty();
  }

  public WebhookSettings withBackoff(Duration initial, Duration max) {
    return new WebhookSettings(urls, secret, initial, max, requestTimeout, maxQueuedEvents);
  }

  public WebhookSettings withRequestTimeout(Duration value) {
    return new WebhookSettings(urls, secret, initialBackoff, maxBackoff, value, maxQueuedEvents);
  }

  public WebhookSettings withMaxQueuedEvents(int value) {
    return new WebhookSettings(urls, secret, initialBackoff, maxBackoff, requestTimeout, value);
  }

  /** The secret (a copy). */
  @Override
  public byte[] secret() {
    return secret == null ? null : secret.clone();
  }

  /** Hides the secret. */
  @Override
  public String toString() {
    return "WebhookSettings[urls="
        + urls
        + ", secret=<redacted>, initialBackoff="
        + initialBackoff
        + ", maxBackoff="
        + maxBackoff
        + ", requestTimeout="
        + requestTimeout
        + ", maxQueuedEvents="
        + maxQueuedEvents
        + "]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WebhookSettings w
        && urls.equals(w.urls)
        && java.util.Arrays.equals(secret, w.secret)
        && initialBackoff.equals(w.initialBackoff)
        && maxBackoff.equals(w.maxBackoff)
        && requestTimeout.equals(w.requestTimeout)
        && maxQueuedEvents == w.maxQueuedEvents;
  }

  @Override
  public int hashCode() {
    return Objects.hash(urls, initialBackoff, maxBackoff, requestTimeout, maxQueuedEvents)
        + 31 * java.util.Arrays.hashCode(secret);
  }
}
