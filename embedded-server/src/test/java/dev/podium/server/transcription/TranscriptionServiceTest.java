package dev.podium.server.transcription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podium.server.metrics.MetricsRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service on the real Vosk engine, fed the recorded sentences faster than real time. */
class TranscriptionServiceTest {
  private static final long T0 = 1_700_000_000_000L;
  private static final int FRAME = 960; // 20 ms at 48 kHz
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final AtomicLong clock = new AtomicLong(T0);
  private final RecordingListener listener = new RecordingListener();
  private final TranscriptionMetrics metrics = new TranscriptionMetrics(new MetricsRegistry());

  private TranscriptionService service(TranscriptionSettings settings) {
    return new TranscriptionService(
        "m-1", SpeechFixtures.vosk(), settings, listener, metrics, clock::get);
  }

  /** Feeds one speaker's 20 ms frames (zero padded) and advances the clock 20 ms per frame. */
  private void feed(TranscriptionService service, String attendee, short[] pcm, double gain) {
    short[] frame = new short[FRAME];
    for (int off = 0; off < pcm.length; off += FRAME) {
      for (int i = 0; i < FRAME; i++) {
        frame[i] = off + i < pcm.length ? (short) Math.round(pcm[off + i] * gain) : 0;
      }
      service.onSpeakerAudio(attendee, attendee + "@example", frame, FRAME, clock.addAndGet(20));
    }
  }

  private static short[] silence(int millis) {
    return new short[millis * 48];
  }

  @Test
  void captionsASentenceWithPartialsBeforeTheFinalAndNothingAfterStop() throws Exception {
    TranscriptionService service =
        service(TranscriptionSettings.DEFAULTS.withSpeakerQueueFrames(1_000));
    service.start("en-US");
    feed(service, "alice", SpeechFixtures.fox48k(), 1.0);
    feed(service, "alice", silence(1_500), 1.0);

    TranscriptResult fin = listener.awaitResult(r -> !r.isPartial(), WAIT);
    List<TranscriptResult> results = listener.results();
    List<TranscriptResult> partials =
        results.subList(0, results.indexOf(fin)).stream()
            .filter(r -> r.resultId().equals(fin.resultId()))
            .toList();
    assertThat(partials).isNotEmpty().allMatch(TranscriptResult::isPartial);
    assertThat(WordErrorRate.of(SpeechFixtures.FOX_TEXT, fin.transcript()))
        .as("WER of \"%s\"", fin.transcript())
        .isLessThanOrEqualTo(0.35);
    assertThat(fin.transcript()).startsWith("The ").endsWith(".");
    assertThat(fin.alternatives().get(0).items())
        .allSatisfy(
            item ->
                assertThat(item.attendee())
                    .isEqualTo(new TranscriptAttendee("alice", "alice@example")));
    assertThat(fin.startTimeMs()).isBetween(T0, T0 + 500);
    assertThat(fin.endTimeMs()).isBetween(T0 + 2_500, T0 + 3_800);
    assertThat(metrics.droppedFrames(TranscriptionMetrics.QUEUE_FULL)).isZero();

    assertThat(service.stop()).isTrue();
    int count = listener.events.size();
    assertThat(listener.events.get(0))
        .isInstanceOfSatisfying(
            TranscriptionStatus.class,
            s -> assertThat(s.type()).isEqualTo(TranscriptionStatusType.STARTED));
    assertThat(listener.events.get(count - 1))
        .isInstanceOfSatisfying(
            TranscriptionStatus.class,
            s -> assertThat(s.type()).isEqualTo(TranscriptionStatusType.STOPPED));
    feed(service, "alice", SpeechFixtures.kitchen48k(), 1.0);
    Thread.sleep(300);
    assertThat(listener.events).hasSize(count);
    assertThat(service.recognizersInUse()).isZero();
  }

  @Test
  void closesTheCaptionSoonWhenTheSpeakersFramesStop() throws Exception {
    TranscriptionService service =
        service(TranscriptionSettings.DEFAULTS.withSpeakerQueueFrames(1_000));
    service.start("en-US");
    feed(service, "alice", SpeechFixtures.kitchen48k(), 1.0);
    listener.awaitResult(TranscriptResult::isPartial, WAIT);
    // No more frames (muted, or discontinuous transmission): only the clock moves on, by less
    // than the 1.5 s release time. The missing time is fed as silence, which ends the phrase.
    clock.addAndGet(1_000);
    TranscriptResult fin = listener.awaitResult(r -> !r.isPartial(), WAIT);
    assertThat(WordErrorRate.of(SpeechFixtures.KITCHEN_TEXT, fin.transcript()))
        .isLessThanOrEqualTo(0.35);
    assertThat(service.recognizersInUse()).isEqualTo(1); // closed by the recogniser, not a release
    service.stop();
  }

  @Test
  void withOneRecognizerTheSecondSpeakerWaitsAndIsCaptionedOnceItFrees() throws Exception {
    TranscriptionService service =
        service(
            TranscriptionSettings.DEFAULTS
                .withMaxRecognizers(1)
                .withWorkerThreads(1)
                .withSpeakerQueueFrames(1_000)
                .withSilenceRelease(Duration.ofMillis(1_000)));
    service.start("en-US");
    // Both talk at once; alice's first frame arrives first, so alice gets the only recogniser.
    short[] fox = SpeechFixtures.fox48k();
    short[] kitchen = SpeechFixtures.kitchen48k();
    short[] a = new short[FRAME];
    short[] b = new short[FRAME];
    for (int off = 0; off < fox.length + 1_500 * 48; off += FRAME) {
      for (int i = 0; i < FRAME; i++) {
        a[i] = off + i < fox.length ? fox[off + i] : 0;
        b[i] = off + i < kitchen.length ? (short) (kitchen[off + i] / 2) : 0;
      }
      long ts = clock.addAndGet(20);
      service.onSpeakerAudio("alice", "alice@example", a, FRAME, ts);
      service.onSpeakerAudio("bob", "bob@example", b, FRAME, ts);
    }
    TranscriptResult aliceFinal =
        listener.awaitResult(
            r -> !r.isPartial() && "alice".equals(RecordingListener.speaker(r)), WAIT);
    assertThat(WordErrorRate.of(SpeechFixtures.FOX_TEXT, aliceFinal.transcript()))
        .isLessThanOrEqualTo(0.35);
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (service.recognizersInUse() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(20); // alice gives it back after 1 s of silence
    }
    assertThat(service.recognizersInUse()).isZero();
    assertThat(listener.results()).noneMatch(r -> "bob".equals(RecordingListener.speaker(r)));
    assertThat(metrics.droppedFrames(TranscriptionMetrics.NO_RECOGNIZER)).isPositive();

    // Bob speaks again, alone now: the freed recogniser is his.
    feed(service, "bob", kitchen, 1.0);
    feed(service, "bob", silence(1_500), 1.0);
    TranscriptResult bobFinal =
        listener.awaitResult(
            r -> !r.isPartial() && "bob".equals(RecordingListener.speaker(r)), WAIT);
    assertThat(WordErrorRate.of(SpeechFixtures.KITCHEN_TEXT, bobFinal.transcript()))
        .as("WER of \"%s\"", bobFinal.transcript())
        .isLessThanOrEqualTo(0.35);
    service.stop();
  }

  @Test
  void refusesToStartWithoutAModelYetKeepsTakingAudio(@TempDir Path empty) {
    VoskTranscriptionEngine missing = VoskTranscriptionEngine.open(empty);
    TranscriptionService service =
        new TranscriptionService(
            "m-2", missing, TranscriptionSettings.DEFAULTS, listener, metrics, clock::get);
    assertThatThrownBy(() -> service.start("en-US"))
        .isInstanceOfSatisfying(
            TranscriptionException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(TranscriptionException.Reason.ENGINE_UNAVAILABLE);
              assertThat(e.getMessage()).contains("No Vosk speech model");
            });
    service.onSpeakerAudio("alice", null, new short[FRAME], FRAME, T0);
    assertThat(service.isRunning()).isFalse();
    assertThat(listener.events).isEmpty();
  }

  @Test
  void refusesAnUnsupportedLanguageAndASecondStart() {
    TranscriptionService service = service(TranscriptionSettings.DEFAULTS);
    assertThatThrownBy(() -> service.start("fr-FR"))
        .isInstanceOfSatisfying(
            TranscriptionException.class,
            e ->
                assertThat(e.reason())
                    .isEqualTo(TranscriptionException.Reason.UNSUPPORTED_LANGUAGE));
    service.start("en-US");
    assertThatThrownBy(() -> service.start("en-US"))
        .isInstanceOfSatisfying(
            TranscriptionException.class,
            e -> assertThat(e.reason()).isEqualTo(TranscriptionException.Reason.ALREADY_STARTED));
    assertThat(service.stop()).isTrue();
    assertThat(service.stop()).isFalse();
  }
}
