package dev.podium.media.transport;

import java.util.SplittableRandom;

/**
 * Test hook: network impairment on one {@link WebRtcTransport}'s path inside the engine, so tests
 * can constrain a subscriber's downlink or make a publisher's uplink lossy without touching the
 * operating system. Outgoing RTP passes a token bucket (a policer: packets beyond the rate and
 * burst are dropped, as a full bottleneck queue would drop them); incoming RTP is dropped at
 * random. RTCP and handshakes are never touched. Used by tests only; production transports have
 * none. State is touched on the event loop only; install with {@link
 * WebRtcTransport#setImpairment}.
 */
public final class Impairment {
  private final long outgoingBitsPerSecond;
  private final long burstBytes;
  private final double incomingLoss;
  private final SplittableRandom random;

  private double tokens;
  private long lastRefillNanos = Long.MIN_VALUE;
  private long droppedOutgoing;
  private long droppedIncoming;

  private Impairment(long outgoingBitsPerSecond, long burstBytes, double incomingLoss, long seed) {
    this.outgoingBitsPerSecond = outgoingBitsPerSecond;
    this.burstBytes = burstBytes;
    this.incomingLoss = incomingLoss;
    this.random = new SplittableRandom(seed);
    this.tokens = burstBytes;
  }

  /** Outgoing RTP limited to {@code bitsPerSecond} with a bucket of {@code burstBytes}. */
  public static Impairment outgoingRate(long bitsPerSecond, long burstBytes) {
    return new Impairment(bitsPerSecond, burstBytes, 0, 1);
  }

  /** Incoming RTP dropped with probability {@code loss} (0..1), reproducibly from {@code seed}. */
  public static Impairment incomingLoss(double loss, long seed) {
    return new Impairment(0, 0, loss, seed);
  }

  /** Whether an outgoing packet of {@code bytes} may leave at {@code nowNanos}. */
  boolean admitOutgoing(int bytes, long nowNanos) {
    if (outgoingBitsPerSecond <= 0) {
      return true;
    }
    if (lastRefillNanos != Long.MIN_VALUE) {
      tokens += (nowNanos - lastRefillNanos) * outgoingBitsPerSecond / 8e9;
      tokens = Math.min(tokens, burstBytes);
    }
    lastRefillNanos = nowNanos;
    if (tokens >= bytes) {
      tokens -= bytes;
      return true;
    }
    droppedOutgoing++;
    return false;
  }

  /** Whether an incoming packet is lost. */
  boolean dropIncoming() {
    if (incomingLoss > 0 && random.nextDouble() < incomingLoss) {
      droppedIncoming++;
      return true;
    }
    return false;
  }

  /** Outgoing packets dropped by the token bucket so far. */
  public long droppedOutgoing() {
    return droppedOutgoing;
  }

  /** Incoming packets dropped so far. */
  public long droppedIncoming() {
    return droppedIncoming;
  }
}
