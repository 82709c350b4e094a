package dev.podium.server.transcription;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.server.metrics.MetricsRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Scheduling and back-pressure, on a fake engine (no model needed). */
class RecognizerSchedulingTest {
  private static final int FRAME = 960;
  private final AtomicLong clock = new AtomicLong(1_000_000);
  private final RecordingListener listener = new RecordingListener();
  private final MetricsRegistry registry = new MetricsRegistry();
  private final TranscriptionMetrics metrics = new TranscriptionMetrics(registry);

  private static short[] tone(double amplitude) {
    short[] pcm = new short[FRAME];
    for (int i = 0; i < FRAME; i++) {
      pcm[i] = (short) Math.round(amplitude * Math.sin(2 * Math.PI * 440 * i / 48_000.0));
    }
    return pcm;
  }

  @Test
  void theLoudestWaitingSpeakerGetsTheNextFreeRecognizer() throws Exception {
    TranscriptionService service =
        new TranscriptionService(
            "m",
            new FakeEngine(0),
            TranscriptionSettings.DEFAULTS
                .withMaxRecognizers(1)
                .withWorkerThreads(1)
                .withSpeakerQueueFrames(1_000)
                .withSilenceRelease(Duration.ofMillis(200)),
            listener,
            metrics,
            clock::get);
    service.start("en-US");
    short[] loud = tone(10_000); // about -10 dBFS
    short[] quiet = tone(1_000); // about -30 dBFS
    short[] silent = new short[FRAME];
    for (int i = 0; i < 10; i++) {
      service.onSpeakerAudio("alice", null, loud, FRAME, clock.addAndGet(20));
    }
    listener.awaitResult(r -> "alice".equals(RecordingListener.speaker(r)), Duration.ofSeconds(5));

    // Bob (quiet) and Carol (loud) start while Alice still talks, then Alice stops.
    for (int i = 0; i < 60; i++) {
      long ts = clock.addAndGet(20);
      service.onSpeakerAudio("alice", null, i < 10 ? loud : silent, FRAME, ts);
      service.onSpeakerAudio("bob", null, quiet, FRAME, ts);
      service.onSpeakerAudio("carol", null, loud, FRAME, ts);
    }
    listener.awaitResult(r -> "carol".equals(RecordingListener.speaker(r)), Duration.ofSeconds(5));
    service.stop();

    List<String> speakers =
        listener.results().stream()
            .map(RecordingListener::speaker)
            .filter(java.util.Objects::nonNull) // a final that only closes a caption has no items
            .distinct()
            .toList();
    assertThat(speakers).containsExactly("alice", "carol");
    assertThat(metrics.droppedFrames(TranscriptionMetrics.NO_RECOGNIZER)).isPositive();
  }

  @Test
  void aSlowEngineNeverHoldsUpTheMixerAndDroppedFramesAreCounted() throws Exception {
    TranscriptionService service =
        new TranscriptionService(
            "m",
            new FakeEngine(20), // 20 ms per 20 ms frame per speaker, with one worker for three
            TranscriptionSettings.DEFAULTS
                .withMaxRecognizers(3)
                .withWorkerThreads(1)
                .withSpeakerQueueFrames(10),
            listener,
            metrics,
            clock::get);
    service.start("en-US");
    short[] voice = tone(8_000);
    int frames = 300;
    long slowest = 0;
    long started = System.nanoTime();
    for (int i = 0; i < frames; i++) {
      long ts = clock.addAndGet(20);
      for (String who : new String[] {"alice", "bob", "carol"}) {
        long t = System.nanoTime();
        service.onSpeakerAudio(who, null, voice, FRAME, ts);
        slowest = Math.max(slowest, System.nanoTime() - t);
      }
    }
    long elapsed = System.nanoTime() - started;
    service.stop();

    // A blocking hand-off would take 900 x 20 ms = 18 s here.
    assertThat(Duration.ofNanos(elapsed)).isLessThan(Duration.ofSeconds(2));
    assertThat(Duration.ofNanos(slowest)).isLessThan(Duration.ofMillis(100));
    long dropped = metrics.droppedFrames(TranscriptionMetrics.QUEUE_FULL);
    assertThat(dropped).isGreaterThan(frames);
    assertThat(dropped + metrics.recognizedFrames()).isLessThanOrEqualTo(3L * frames);
    assertThat(registry.scrape())
        .contains("podium_transcription_frames_dropped_total{reason=\"queue_full\"} " + dropped);
  }

  @Test
  void anEngineFailureStopsCaptionsWithAFailedStatus() throws Exception {
    TranscriptionEngine broken =
        new FakeEngine(0) {
          @Override
          public Recognizer newRecognizer(String languageCode) {
            throw new TranscriptionException(
                TranscriptionException.Reason.ENGINE_UNAVAILABLE, "native allocation failed");
          }
        };
    TranscriptionService service =
        new TranscriptionService(
            "m", broken, TranscriptionSettings.DEFAULTS, listener, metrics, clock::get);
    service.start("en-US");
    service.onSpeakerAudio("alice", null, tone(10_000), FRAME, clock.addAndGet(20));
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (service.isRunning() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(service.isRunning()).isFalse();
    assertThat(listener.events)
        .last()
        .isInstanceOfSatisfying(
            TranscriptionStatus.class,
            s -> {
              assertThat(s.type()).isEqualTo(TranscriptionStatusType.FAILED);
              assertThat(s.message()).doesNotContain("native"); // details stay in the log
            });
    assertThat(service.stop()).isFalse();
  }
}
