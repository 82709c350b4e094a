package dev.podium.media.routing;

/**
 * Bit rate of one stream over consecutive windows of {@link #WINDOW_MILLIS}: cheap enough to call
 * per packet (one addition, a comparison). Reads 0 once the stream has been silent for two windows.
 */
final class BitrateMeter {
  static final long WINDOW_MILLIS = 500;

  private long windowStart = Long.MIN_VALUE;
  private long bytes;
  private long lastBps;
  private long lastRolledMillis;

  void add(int packetBytes, long nowMillis) {
    roll(nowMillis);
    bytes += packetBytes;
  }

  long bps(long nowMillis) {
    roll(nowMillis);
    return nowMillis - lastRolledMillis > 2 * WINDOW_MILLIS ? 0 : lastBps;
  }

  private void roll(long nowMillis) {
    if (windowStart == Long.MIN_VALUE) {
      windowStart = nowMillis;
      lastRolledMillis = nowMillis;
      return;
    }
    long elapsed = nowMillis - windowStart;
    if (elapsed >= WINDOW_MILLIS) {
      if (bytes > 0 || elapsed < 4 * WINDOW_MILLIS) {
        lastBps = bytes * 8_000 / elapsed;
        if (bytes > 0) {
          lastRolledMillis = nowMillis;
        }
      }
      bytes = 0;
      windowStart = nowMillis;
    }
  }
}
