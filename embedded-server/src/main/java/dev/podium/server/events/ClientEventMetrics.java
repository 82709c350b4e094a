package dev.podium.server.events;

import dev.podium.server.metrics.Counter;
import dev.podium.server.metrics.Histogram;
import dev.podium.server.metrics.MetricsRegistry;
import java.util.regex.Pattern;

/**
 * What accepted client events add to {@code /metrics}: events by name, meeting starts by outcome
 * (the join success ratio is {@code succeeded / (succeeded + failed)}), failed starts by status,
 * the time-to-join histogram, and batches by result.
 */
public final class ClientEventMetrics {
  /** Time-to-join bucket bounds, seconds. */
  static final double[] TIME_TO_JOIN_BUCKETS = {0.25, 0.5, 1, 2, 3, 5, 10, 20, 30, 60};

  /** Status labels are the SDK's status names; anything else is counted as {@code other}. */
  private static final Pattern STATUS = Pattern.compile("[A-Z][A-Z0-9_]{0,47}");

  private final Counter events;
  private final Counter starts;
  private final Counter startFailures;
  private final Counter batches;
  private final Histogram timeToJoin;

  public ClientEventMetrics(MetricsRegistry registry) {
    events =
        registry.counter(
            "podium_client_events_total", "Client meeting events accepted, by name", "name");
    starts =
        registry.counter(
            "podium_client_meeting_start_total",
            "Meeting starts reported by clients, by outcome (succeeded, failed)",
            "outcome");
    startFailures =
        registry.counter(
            "podium_client_meeting_start_failed_total",
            "Failed meeting starts reported by clients, by status",
            "status");
    batches =
        registry.counter(
            "podium_client_event_batches_total",
            "Client event batches posted to the EventIngestionUrl, by result",
            "result");
    timeToJoin =
        registry.histogram(
            "podium_client_time_to_join_seconds",
            "Time from meeting start requested to started, as reported by clients",
            TIME_TO_JOIN_BUCKETS);
  }

  /** Counts one accepted event. */
  void record(ClientEvent event) {
    events.inc(event.name().wireName());
    switch (event.name()) {
      case MEETING_START_SUCCEEDED -> {
        starts.inc("succeeded");
        double ms = event.number("meetingStartDurationMs");
        if (ms >= 0) {
          timeToJoin.observe(ms / 1000.0);
        }
      }
      case MEETING_START_FAILED -> {
        starts.inc("failed");
        String status = event.text("meetingStatus");
        startFailures.inc(status != null && STATUS.matcher(status).matches() ? status : "other");
      }
      default -> {}
    }
  }

  /** Counts one batch by result: accepted, bad_request, unauthorized, forbidden, … */
  void batch(String result) {
    batches.inc(result);
  }
}
