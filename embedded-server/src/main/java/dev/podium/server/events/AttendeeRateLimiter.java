package dev.podium.server.events;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets of event batches, one per attendee: a burst, then a steady rate. Full (idle)
 * buckets are pruned when many attendees are tracked, so the map stays bounded.
 */
final class AttendeeRateLimiter {
  /** Attendees tracked before idle ones are pruned. */
  static final int MAX_TRACKED = 20_000;

  private final int capacity;
  private final double perNano;
  private final LongSupplier nanoTime;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  AttendeeRateLimiter(int capacity, double perSecond, LongSupplier nanoTime) {
    this.capacity = capacity;
    this.perNano = perSecond / 1e9;
    this.nanoTime = nanoTime;
  }

  /** Takes one token for this attendee; false when its bucket is empty. */
  boolean tryAcquire(String attendeeId) {
    long now = nanoTime.getAsLong();
    if (buckets.size() > MAX_TRACKED) {
      buckets.values().removeIf(b -> b.isFull(now));
    }
    return buckets.computeIfAbsent(attendeeId, a -> new Bucket(now)).tryTake(now);
  }

  /** One attendee's bucket. */
  private final class Bucket {
    private double tokens = capacity;
    private long last;

    Bucket(long now) {
      this.last = now;
    }

    synchronized boolean tryTake(long now) {
      refill(now);
      if (tokens >= 1) {
        tokens -= 1;
        return true;
      }
      return false;
    }

    synchronized boolean isFull(long now) {
      refill(now);
      return tokens >= capacity;
    }

    private void refill(long now) {
      if (now > last) {
        tokens = Math.min(capacity, tokens + (now - last) * perNano);
        last = now;
      }
    }
  }
}
