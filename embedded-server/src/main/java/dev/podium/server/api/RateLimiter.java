package dev.podium.server.api;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets keyed by client address, attendee, etc. The map is pruned of full (idle) buckets
 * when it grows past {@link #MAX_TRACKED}, so many (or spoofed) keys cannot grow it without bound
 * for long.
 *
 * @param <K> the key a bucket belongs to
 */
public final class RateLimiter<K> {
  /** Keys tracked before idle ones are pruned. */
  static final int MAX_TRACKED = 20_000;

  private final int capacity;
  private final double perNano;
  private final LongSupplier nanoTime;
  private final Map<K, Bucket> buckets = new ConcurrentHashMap<>();

  public RateLimiter(int capacity, double perSecond, LongSupplier nanoTime) {
    this.capacity = capacity;
    this.perNano = perSecond / 1e9;
    this.nanoTime = nanoTime;
  }

  /** Takes one token for this key; false when its bucket is empty. */
  public boolean tryAcquire(K key) {
    long now = nanoTime.getAsLong();
    if (buckets.size() > MAX_TRACKED) {
      buckets.values().removeIf(b -> b.isFull(now));
    }
    return buckets.computeIfAbsent(key, k -> new Bucket(now)).tryTake(now);
  }

  /** One key's bucket. */
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
