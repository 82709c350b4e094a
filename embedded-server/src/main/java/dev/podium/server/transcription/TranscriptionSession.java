package dev.podium.server.transcription;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * One run of a meeting's transcription, from start to stop: the speakers' streams, the worker
 * threads, the recogniser pool and a housekeeping tick that releases recognisers after silence even
 * when a speaker's frames stop arriving (muted, or discontinuous transmission).
 */
final class TranscriptionSession {
  private static final long TICK_MILLIS = 100;

  private final TranscriptionService owner;
  private final String languageCode;
  private final TranscriptionSettings settings;
  private final TranscriptionMetrics metrics;
  private final LongSupplier clock;
  private final RecognizerPool pool;
  private final ScheduledThreadPoolExecutor workers;
  private final Map<String, SpeakerStream> speakers = new ConcurrentHashMap<>();
  private volatile boolean closed;

  TranscriptionSession(
      TranscriptionService owner,
      String meetingId,
      TranscriptionEngine engine,
      String languageCode,
      TranscriptionSettings settings,
      TranscriptionMetrics metrics,
      LongSupplier clock) {
    this.owner = owner;
    this.languageCode = languageCode;
    this.settings = settings;
    this.metrics = metrics;
    this.clock = clock;
    this.pool =
        new RecognizerPool(
            settings.maxRecognizers(),
            () -> engine.newRecognizer(languageCode),
            Math.max(settings.preRoll().toMillis(), 2 * TICK_MILLIS));
    AtomicInteger count = new AtomicInteger();
    ThreadFactory threads =
        r -> {
          Thread t = new Thread(r, "transcription-" + meetingId + "-" + count.incrementAndGet());
          t.setDaemon(true);
          return t;
        };
    this.workers = new ScheduledThreadPoolExecutor(settings.workerThreads(), threads);
    workers.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** Mixer thread: queue a copy of the frame; never blocks. */
  void offer(String attendeeId, String externalUserId, short[] pcm48k, int samples, long ts) {
    SpeakerStream speaker = speakers.get(attendeeId);
    if (speaker == null) {
      speaker =
          speakers.computeIfAbsent(
              attendeeId,
              id -> new SpeakerStream(new TranscriptAttendee(id, externalUserId), this));
    }
    short[] copy = new short[samples];
    System.arraycopy(pcm48k, 0, copy, 0, samples);
    if (!speaker.queue.offer(new SpeakerStream.Frame(copy, samples, ts))) {
      metrics.dropped(TranscriptionMetrics.QUEUE_FULL);
      return;
    }
    schedule(speaker);
  }

  private void schedule(SpeakerStream speaker) {
    if (speaker.scheduled.compareAndSet(false, true)) {
      execute(speaker);
    }
  }

  /** Runs a speaker's drain on a worker; the caller set its {@code scheduled} flag. */
  void execute(SpeakerStream speaker) {
    try {
      workers.execute(speaker::drain);
    } catch (RejectedExecutionException e) {
      speaker.scheduled.set(false); // shutting down
    }
  }

  private void tick() {
    long now = clock.getAsLong();
    for (SpeakerStream speaker : speakers.values()) {
      if (speaker.needsAttention(now)) {
        schedule(speaker);
      }
    }
  }

  void emit(TranscriptResult result) {
    metrics.result(result.isPartial());
    owner.deliver(this, new Transcript(java.util.List.of(result)));
  }

  void fail(RuntimeException e) {
    owner.fail(this, e);
  }

  /** Stops accepting work; speakers give their recognisers back on their last drain. */
  void close() {
    if (closed) {
      return;
    }
    closed = true;
    pool.close();
    for (SpeakerStream speaker : speakers.values()) {
      schedule(speaker);
    }
    workers.shutdown();
  }

  /** Waits for the workers to finish after {@link #close()}. */
  boolean awaitTermination(long millis) throws InterruptedException {
    return workers.awaitTermination(millis, TimeUnit.MILLISECONDS);
  }

  boolean isClosed() {
    return closed;
  }

  String languageCode() {
    return languageCode;
  }

  TranscriptionSettings settings() {
    return settings;
  }

  TranscriptionMetrics metrics() {
    return metrics;
  }

  RecognizerPool pool() {
    return pool;
  }

  long nowMillis() {
    return clock.getAsLong();
  }
}
