package dev.podium.server.transcription;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * At most {@code capacity} recognisers, made on demand and reused. When every recogniser is busy,
 * speakers who talk wait; when one frees, the loudest waiting speaker (smoothed level) gets it. A
 * holder is never pre-empted mid-utterance: it gives its recogniser back after its silence.
 */
final class RecognizerPool {
  private final int capacity;
  private final Supplier<Recognizer> factory;
  private final long waiterExpiryMillis;
  private final Deque<Recognizer> free = new ArrayDeque<>();
  private final Map<Object, Waiter> waiting = new HashMap<>();
  private int created;
  private int inUse;
  private boolean closed;

  private record Waiter(double levelDb, long seenMillis) {}

  RecognizerPool(int capacity, Supplier<Recognizer> factory, long waiterExpiryMillis) {
    this.capacity = capacity;
    this.factory = factory;
    this.waiterExpiryMillis = waiterExpiryMillis;
  }

  /**
   * A recogniser for {@code speaker} if one is free and no louder speaker waits for it; otherwise
   * records the speaker as waiting and returns null.
   *
   * @throws TranscriptionException if the engine cannot make a recogniser
   */
  synchronized Recognizer tryAcquire(Object speaker, double levelDb, long nowMillis) {
    if (closed) {
      return null;
    }
    waiting.put(speaker, new Waiter(levelDb, nowMillis));
    waiting.values().removeIf(w -> nowMillis - w.seenMillis() > waiterExpiryMillis);
    if (free.isEmpty() && created == capacity) {
      return null;
    }
    for (Map.Entry<Object, Waiter> e : waiting.entrySet()) {
      if (e.getKey() != speaker && e.getValue().levelDb() > levelDb) {
        return null; // a louder speaker is waiting: it gets the next recogniser
      }
    }
    waiting.remove(speaker);
    Recognizer r = free.poll();
    if (r == null) {
      r = factory.get();
      created++;
    }
    inUse++;
    return r;
  }

  /** The speaker stopped waiting (fell silent). */
  synchronized void withdraw(Object speaker) {
    waiting.remove(speaker);
  }

  /** Gives a recogniser back; after {@link #close()} it is freed instead. */
  synchronized void release(Recognizer recognizer) {
    inUse--;
    if (closed) {
      recognizer.close();
    } else {
      free.push(recognizer);
    }
  }

  synchronized int inUse() {
    return inUse;
  }

  synchronized int waitingCount() {
    return waiting.size();
  }

  /** Frees idle recognisers now and busy ones as they are released. Idempotent. */
  synchronized void close() {
    closed = true;
    waiting.clear();
    for (Recognizer r : free) {
      r.close();
    }
    free.clear();
  }
}
