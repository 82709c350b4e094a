package dev.podium.server.notifications;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers webhook bodies to one URL. One queue per ordering key (a primary meeting and its
 * replicas): at most one request of a queue is in flight, and the next is sent only after the
 * previous one was answered 2xx, so a receiver sees each meeting's events in order. A failed
 * attempt is retried after a back-off that doubles up to the maximum. Memory is bounded: past
 * {@code maxQueuedEvents} the oldest undelivered event is dropped and counted. Never blocks the
 * caller: {@link #enqueue} only queues.
 */
final class WebhookSender implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

  /** One undelivered event. */
  private static final class Pending {
    final long order;
    final String eventType;
    final String eventId;
    final byte[] body;
    int attempts;

    Pending(long order, String eventType, String eventId, byte[] body) {
      this.order = order;
      this.eventType = eventType;
      this.eventId = eventId;
      this.body = body;
    }
  }

  private final URI url;
  private final WebhookSignature signature;
  private final WebhookSettings settings;
  private final HttpClient http;
  private final ScheduledExecutorService scheduler;
  private final WebhookMetrics metrics;
  private final Clock clock;
  private final Map<String, ArrayDeque<Pending>> queues = new HashMap<>();
  private final Map<String, Pending> inFlight = new HashMap<>();
  private long nextOrder;
  private int queued;
  private boolean closed;

  WebhookSender(
      URI url,
      WebhookSignature signature,
      WebhookSettings settings,
      HttpClient http,
      ScheduledExecutorService scheduler,
      WebhookMetrics metrics,
      Clock clock) {
    this.url = url;
    this.signature = signature;
    this.settings = settings;
    this.http = http;
    this.scheduler = scheduler;
    this.metrics = metrics;
    this.clock = clock;
  }

  /** Queues one event for {@code key}'s queue; starts sending it if the queue was idle. */
  synchronized void enqueue(String key, String eventType, String eventId, byte[] body) {
    if (closed) {
      return;
    }
    queues
        .computeIfAbsent(key, k -> new ArrayDeque<>())
        .addLast(new Pending(nextOrder++, eventType, eventId, body));
    queued++;
    while (queued > settings.maxQueuedEvents()) {
      dropOldest();
    }
    if (!inFlight.containsKey(key)) {
      schedule(key, 0);
    }
  }

  /** Undelivered events (queued or in flight). */
  synchronized int queued() {
    return queued;
  }

  private void dropOldest() {
    String oldestKey = null;
    Pending oldest = null;
    for (Map.Entry<String, ArrayDeque<Pending>> e : queues.entrySet()) {
      Pending head = e.getValue().peekFirst();
      if (head != null && (oldest == null || head.order < oldest.order)) {
        oldest = head;
        oldestKey = e.getKey();
      }
    }
    if (oldest == null) {
      queued = 0;
      return;
    }
    queues.get(oldestKey).pollFirst();
    queued--;
    metrics.dropped();
    log.warn(
        "webhook {} to {} dropped: more than {} events undelivered",
        oldest.eventType,
        url,
        settings.maxQueuedEvents());
  }

  private void schedule(String key, long delayMillis) {
    // Marks the queue busy until its head is answered (or it turns out empty).
    inFlight.put(key, null);
    try {
      scheduler.schedule(() -> sendHead(key), delayMillis, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      inFlight.remove(key);
    }
  }

  private void sendHead(String key) {
    Pending head;
    synchronized (this) {
      ArrayDeque<Pending> queue = queues.get(key);
      head = queue == null ? null : queue.peekFirst();
      if (closed || head == null) {
        inFlight.remove(key);
        if (queue != null && queue.isEmpty()) {
          queues.remove(key);
        }
        return;
      }
      inFlight.put(key, head);
      head.attempts++;
    }
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(settings.requestTimeout())
            .header("Content-Type", "application/json")
            .header("User-Agent", "Podium-Webhooks/1")
            .header("X-Podium-Event-Id", head.eventId)
            .header("X-Podium-Event-Type", head.eventType)
            .header(
                WebhookSignature.HEADER,
                signature.sign(clock.instant().getEpochSecond(), head.body))
            .POST(HttpRequest.BodyPublishers.ofByteArray(head.body))
            .build();
    try {
      http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
          .whenComplete(
              (response, error) ->
                  answered(
                      key,
                      head,
                      error == null && response.statusCode() / 100 == 2,
                      error,
                      response));
    } catch (RuntimeException e) {
      answered(key, head, false, e, null);
    }
  }

  private synchronized void answered(
      String key, Pending head, boolean ok, Throwable error, HttpResponse<Void> response) {
    ArrayDeque<Pending> queue = queues.get(key);
    if (ok) {
      metrics.delivered();
      if (queue != null && queue.peekFirst() == head) {
        queue.pollFirst();
        queued--;
      }
      schedule(key, 0);
      return;
    }
    metrics.failedAttempt();
    long delay = backoffMillis(head.attempts);
    log.info(
        "webhook {} to {} failed (attempt {}: {}); retrying in {} ms",
        head.eventType,
        url,
        head.attempts,
        error != null ? error.toString() : "HTTP " + response.statusCode(),
        delay);
    if (queue != null && queue.peekFirst() != head) {
      delay = 0; // dropped meanwhile: go on with the new head at once
    }
    schedule(key, delay);
  }

  /** The delay after {@code attempts} failed attempts: initial × 2^(attempts−1), capped. */
  long backoffMillis(int attempts) {
    long initial = settings.initialBackoff().toMillis();
    long max = settings.maxBackoff().toMillis();
    int shift = Math.min(Math.max(attempts - 1, 0), 30);
    return Math.min(max, initial << shift);
  }

  @Override
  public synchronized void close() {
    closed = true;
    queues.clear();
    queued = 0;
  }
}
