package dev.podium.server.transcription;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test engine whose recognisers report every chunk they get as a new partial result (so each fed
 * chunk shows up as a caption of its speaker), optionally sleeping to simulate a slow machine.
 */
class FakeEngine implements TranscriptionEngine {
  private final long sleepMillisPerChunk;
  final AtomicInteger made = new AtomicInteger();

  FakeEngine(long sleepMillisPerChunk) {
    this.sleepMillisPerChunk = sleepMillisPerChunk;
  }

  @Override
  public EngineAvailability availability() {
    return EngineAvailability.ready("fake");
  }

  @Override
  public Set<String> languageCodes() {
    return Set.of("en-US");
  }

  @Override
  public Recognizer newRecognizer(String languageCode) {
    made.incrementAndGet();
    return new Recognizer() {
      private int chunks;

      @Override
      public RecognitionResult acceptPcm16k(short[] pcm, int n) {
        if (sleepMillisPerChunk > 0) {
          try {
            Thread.sleep(sleepMillisPerChunk);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        chunks++;
        return RecognitionResult.partial("chunk " + chunks, List.of());
      }

      @Override
      public RecognitionResult finish() {
        chunks = 0;
        return RecognitionResult.ofFinal("", List.of());
      }

      @Override
      public void close() {}
    };
  }

  @Override
  public void close() {}
}
