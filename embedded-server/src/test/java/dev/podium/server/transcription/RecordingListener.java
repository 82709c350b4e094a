package dev.podium.server.transcription;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** Collects transcript events and waits for them. */
final class RecordingListener implements TranscriptListener {
  final List<TranscriptEvent> events = new CopyOnWriteArrayList<>();

  @Override
  public void onTranscriptEvent(TranscriptEvent event) {
    events.add(event);
  }

  List<TranscriptResult> results() {
    return events.stream()
        .filter(e -> e instanceof Transcript)
        .flatMap(e -> ((Transcript) e).results().stream())
        .toList();
  }

  List<TranscriptResult> finals() {
    return results().stream().filter(r -> !r.isPartial()).toList();
  }

  /** Waits until some result matches, or fails after {@code timeout}. */
  TranscriptResult awaitResult(Predicate<TranscriptResult> wanted, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      for (TranscriptResult r : results()) {
        if (wanted.test(r)) {
          return r;
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no matching result within " + timeout + "; got " + results());
  }

  static String speaker(TranscriptResult r) {
    return r.alternatives().get(0).items().isEmpty()
        ? null
        : r.alternatives().get(0).items().get(0).attendee().attendeeId();
  }
}
