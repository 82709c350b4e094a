package dev.podium.server.api;

/**
 * Per client address token buckets for the API.
 *
 * @param burst calls a client may make at once
 * @param perSecond calls per second a client regains
 * @param failedAuthBurst calls with a missing or wrong API key a client may make at once
 * @param failedAuthPerSecond such calls per second a client regains
 */
public record RateLimitSettings(
    int burst, double perSecond, int failedAuthBurst, double failedAuthPerSecond) {

  /** Generous for a host application creating attendees in bulk, tight for key guessing. */
  public static final RateLimitSettings DEFAULTS = new RateLimitSettings(2000, 1000, 20, 5);

  public RateLimitSettings {
    if (burst < 1 || perSecond <= 0 || failedAuthBurst < 1 || failedAuthPerSecond <= 0) {
      throw new IllegalArgumentException("rate limits must be positive");
    }
  }
}
