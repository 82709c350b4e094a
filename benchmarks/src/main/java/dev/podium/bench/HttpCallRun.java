package dev.podium.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A timed run of CreateAttendee calls against one meeting on a number of threads.
 *
 * @param calls calls that completed (any status)
 * @param threads threads that made them
 * @param wallTime first call started → last call answered
 * @param latency per-call latency of the completed calls
 * @param errors statuses other than 2xx (or exception names) and how often
 * @param joinTokens the tokens of the attendees created, in call order
 */
record HttpCallRun(
    int calls,
    int threads,
    Duration wallTime,
    LatencyStats latency,
    Map<String, Integer> errors,
    List<String> joinTokens) {

  /** Calls per second over the wall time. */
  double callsPerSecond() {
    return calls / (wallTime.toNanos() / 1e9);
  }

  /**
   * Makes {@code count} CreateAttendee calls on {@code threads} threads (each takes the next call
   * number until all are made or {@code deadlineNanos} passes).
   */
  static HttpCallRun run(
      ControlApiClient api,
      String meetingId,
      String prefix,
      int count,
      int threads,
      long deadlineNanos)
      throws InterruptedException {
    long[] latencies = new long[count];
    String[] tokens = new String[count];
    boolean[] done = new boolean[count];
    Map<String, Integer> errors = new TreeMap<>();
    AtomicInteger next = new AtomicInteger();
    Runnable worker =
        () -> {
          int i;
          while ((i = next.getAndIncrement()) < count && System.nanoTime() < deadlineNanos) {
            long start = System.nanoTime();
            String error = null;
            try {
              ControlApiClient.AttendeeReply reply =
                  api.createAttendee(meetingId, String.format("%s-%04d", prefix, i));
              tokens[i] = reply.joinToken();
              if (!ControlApiClient.isSuccess(reply.status())) {
                error = "HTTP " + reply.status();
              }
            } catch (RuntimeException e) {
              error = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            latencies[i] = System.nanoTime() - start;
            done[i] = true;
            if (error != null) {
              synchronized (errors) {
                errors.merge(error, 1, Integer::sum);
              }
            }
          }
        };
    long start = System.nanoTime();
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread thread = new Thread(worker, "bench-http-" + t);
      thread.setDaemon(true);
      workers.add(thread);
      thread.start();
    }
    for (Thread thread : workers) {
      thread.join(Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000 + 15_000));
    }
    long wall = System.nanoTime() - start;
    List<Long> completed = new ArrayList<>();
    List<String> created = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      if (done[i]) {
        completed.add(latencies[i]);
      }
      if (tokens[i] != null) {
        created.add(tokens[i]);
      }
    }
    synchronized (errors) {
      return new HttpCallRun(
          completed.size(),
          threads,
          Duration.ofNanos(wall),
          LatencyStats.ofNanos(completed),
          new TreeMap<>(errors),
          created);
    }
  }

  /** One line: calls, calls/s, latency, errors. */
  String describe() {
    return String.format(
        "%d calls on %d thread(s) in %.2f s: %.0f calls/s; latency %s; errors %s",
        calls,
        threads,
        wallTime.toNanos() / 1e9,
        callsPerSecond(),
        latency.describe(),
        errors.isEmpty() ? "none" : errors);
  }
}
