package dev.podium.server.signaling;

/** A token bucket for per-attendee rate limits; time injected in milliseconds. Thread-safe. */
final class TokenBucket {
  private final double ratePerMilli;
  private final double capacity;
  private double tokens;
  private long lastMillis;

  TokenBucket(double perSecond, double burst, long nowMillis) {
    this.ratePerMilli = perSecond / 1000.0;
    this.capacity = burst;
    this.tokens = burst;
    this.lastMillis = nowMillis;
  }

  synchronized boolean tryTake(long nowMillis) {
    tokens = Math.min(capacity, tokens + (nowMillis - lastMillis) * ratePerMilli);
    lastMillis = nowMillis;
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }
}
