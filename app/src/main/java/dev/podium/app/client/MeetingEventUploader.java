package dev.podium.app.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts meeting events in batches to the EventIngestionUrl with the attendee's own JoinToken
 * ({@code Authorization: Bearer}), on its own daemon thread: one batch in flight at a time, a batch
 * when {@code maxBatchEvents} are queued or every {@code flushInterval}. Everything is bounded and
 * nothing is retried: a full queue drops its oldest event, a failed batch is dropped; both are
 * counted. Never blocks the caller.
 */
final class MeetingEventUploader {
  private static final Logger LOG = LoggerFactory.getLogger(MeetingEventUploader.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** How long the last flush may take after the session ended. */
  static final Duration FINAL_FLUSH_LIMIT = Duration.ofSeconds(5);

  private final HttpClient http;
  private final URI url;
  private final String joinToken;
  private final MeetingEventReporting options;
  private final Duration requestTimeout;
  private final ScheduledExecutorService thread;
  private final ArrayDeque<MeetingEvent> queue = new ArrayDeque<>();
  private final AtomicLong uploaded = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong failedBatches = new AtomicLong();
  private boolean sending;
  private boolean closing;

  MeetingEventUploader(
      HttpClient http,
      URI url,
      String joinToken,
      MeetingEventReporting options,
      Duration requestTimeout,
      String threadName) {
    this.http = http;
    this.url = url;
    this.joinToken = joinToken;
    this.options = options;
    this.requestTimeout = requestTimeout;
    this.thread =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, threadName);
              t.setDaemon(true);
              return t;
            });
    long period = options.flushInterval().toMillis();
    thread.scheduleWithFixedDelay(this::flush, period, period, TimeUnit.MILLISECONDS);
  }

  /** Queues one event (dropping the oldest if full); sends at once when a batch is full. */
  void add(MeetingEvent event) {
    boolean full;
    synchronized (this) {
      if (closing) {
        dropped.incrementAndGet();
        return;
      }
      queue.addLast(event);
      while (queue.size() > options.maxQueuedEvents()) {
        queue.pollFirst();
        dropped.incrementAndGet();
      }
      full = queue.size() >= options.maxBatchEvents();
    }
    if (full) {
      run(this::flush);
    }
  }

  /** Sends what is queued (in batches), then stops the thread; bounded, never blocks. */
  void close() {
    synchronized (this) {
      closing = true;
    }
    run(this::flush);
    try {
      thread.schedule(thread::shutdownNow, FINAL_FLUSH_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // already stopped
    }
  }

  long uploaded() {
    return uploaded.get();
  }

  long dropped() {
    return dropped.get();
  }

  long failedBatches() {
    return failedBatches.get();
  }

  private void run(Runnable task) {
    try {
      thread.execute(task);
    } catch (RejectedExecutionException e) {
      LOG.debug("event uploader stopped; flush skipped");
    }
  }

  /** Uploader thread: sends the next batch unless one is in flight. */
  private void flush() {
    List<MeetingEvent> batch = new ArrayList<>();
    synchronized (this) {
      if (sending || queue.isEmpty()) {
        if (closing && !sending && queue.isEmpty()) {
          thread.shutdown();
        }
        return;
      }
      while (batch.size() < options.maxBatchEvents() && !queue.isEmpty()) {
        batch.add(queue.pollFirst());
      }
      sending = true;
    }
    HttpRequest request;
    try {
      request =
          HttpRequest.newBuilder(url)
              .timeout(requestTimeout)
              .header("Authorization", "Bearer " + joinToken)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(body(batch)))
              .build();
    } catch (RuntimeException e) {
      done(batch, -1, e);
      return;
    }
    http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .whenComplete(
            (response, error) ->
                run(() -> done(batch, response == null ? -1 : response.statusCode(), error)));
  }

  private void done(List<MeetingEvent> batch, int status, Throwable error) {
    if (status / 100 == 2) {
      uploaded.addAndGet(batch.size());
    } else {
      failedBatches.incrementAndGet();
      dropped.addAndGet(batch.size());
      LOG.debug(
          "meeting events not accepted ({}); {} dropped",
          error != null ? error.toString() : "HTTP " + status,
          batch.size());
    }
    boolean more;
    synchronized (this) {
      sending = false;
      more = queue.size() >= options.maxBatchEvents() || (closing && !queue.isEmpty());
      if (closing && queue.isEmpty()) {
        thread.shutdown();
      }
    }
    if (more) {
      run(this::flush);
    }
  }

  static byte[] body(List<MeetingEvent> batch) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode events = root.putArray("events");
    for (MeetingEvent event : batch) {
      ObjectNode e = events.addObject();
      e.put("name", event.name().wireName());
      e.put("timestampMs", event.timestampMs());
      ObjectNode attributes = e.putObject("attributes");
      for (Map.Entry<String, Object> a : event.attributes().entrySet()) {
        attributes.putPOJO(a.getKey(), a.getValue());
      }
    }
    try {
      return JSON.writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write meeting events", e);
    }
  }
}
