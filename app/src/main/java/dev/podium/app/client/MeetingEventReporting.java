package dev.podium.app.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How a session uploads its meeting events to the meeting's EventIngestionUrl: in batches of at
 * most {@code maxBatchEvents}, at least every {@code flushInterval}; at most {@code
 * maxQueuedEvents} wait (beyond, the oldest are dropped and counted). A failed upload is dropped
 * and counted: event reporting never disturbs the meeting.
 *
 * @param upload whether to upload at all (observers get the events either way)
 * @param flushInterval longest wait before queued events are sent
 * @param maxBatchEvents events per batch (1–100, the server's limit); a full batch is sent at once
 * @param maxQueuedEvents events kept while uploads are slow or failing
 */
public record MeetingEventReporting(
    boolean upload, Duration flushInterval, int maxBatchEvents, int maxQueuedEvents) {

  public MeetingEventReporting {
    Objects.requireNonNull(flushInterval, "flushInterval");
    if (flushInterval.isNegative() || flushInterval.isZero()) {
      throw new IllegalArgumentException("flushInterval must be positive");
    }
    if (maxBatchEvents < 1 || maxBatchEvents > 100) {
      throw new IllegalArgumentException("maxBatchEvents must be 1-100");
    }
    if (maxQueuedEvents < maxBatchEvents) {
      throw new IllegalArgumentException("maxQueuedEvents must be at least maxBatchEvents");
    }
  }

  /** Upload every 5 s or 20 events, keep at most 500. */
  public static MeetingEventReporting defaults() {
    return new MeetingEventReporting(true, Duration.ofSeconds(5), 20, 500);
  }

  /** Observers only; nothing is uploaded. */
  public static MeetingEventReporting observeOnly() {
    return new MeetingEventReporting(false, Duration.ofSeconds(5), 20, 500);
  }

  public MeetingEventReporting withFlushInterval(Duration value) {
    return new MeetingEventReporting(upload, value, maxBatchEvents, maxQueuedEvents);
  }

  public MeetingEventReporting withMaxBatchEvents(int value) {
    return new MeetingEventReporting(upload, flushInterval, value, maxQueuedEvents);
  }

  public MeetingEventReporting withMaxQueuedEvents(int value) {
    return new MeetingEventReporting(upload, flushInterval, maxBatchEvents, value);
  }
}
