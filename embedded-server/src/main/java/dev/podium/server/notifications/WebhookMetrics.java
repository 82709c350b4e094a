package dev.podium.server.notifications;

import dev.podium.server.metrics.Counter;
import dev.podium.server.metrics.MetricsRegistry;

/** Webhook delivery counters in {@code /metrics}. */
final class WebhookMetrics {
  private final Counter attempts;
  private final Counter dropped;
  private final Counter events;

  WebhookMetrics(MetricsRegistry registry) {
    attempts =
        registry.counter(
            "podium_webhook_attempts_total",
            "Webhook delivery attempts, by result (delivered, failed)",
            "result");
    dropped =
        registry.counter(
            "podium_webhook_dropped_total",
            "Webhook events dropped undelivered because too many were queued");
    events =
        registry.counter("podium_webhook_events_total", "Webhook events emitted, by type", "type");
  }

  void delivered() {
    attempts.inc("delivered");
  }

  void failedAttempt() {
    attempts.inc("failed");
  }

  void dropped() {
    dropped.inc();
  }

  void emitted(String type) {
    events.inc(type);
  }
}
