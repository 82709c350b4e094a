package dev.podium.media.feedback;

import dev.podium.media.rtcp.TransportLayerCc;

/**
 * A small send-side bandwidth estimator for one subscriber's downlink, fed by the subscriber's
 * transport-wide congestion control feedback (draft-holmer-rmcat-transport-wide-cc-extensions-01)
 * on the packets we sent it. Deliberately simpler than GoogCC, in the same spirit:
 *
 * <ul>
 *   <li>Each sent packet is recorded with its transport-wide sequence number, size and send time.
 *   <li>Feedback gives each packet's arrival time (or loss). Over windows of at least {@link
 *       #WINDOW_MICROS} the estimator computes the loss fraction, the receive rate (bytes acked
 *       over the arrival span) and the queuing delay (mean one-way delay of the window minus the
 *       smallest one-way delay seen in the last {@link #MIN_DELAY_HORIZON_MICROS}).
 *   <li>Loss above 10 %: decrease to {@code min(estimate, receiveRate) × (1 − loss/2)} (the
 *       loss-based rule of GoogCC, applied to what actually got through).
 *   <li>Queuing delay above {@link #OVERUSE_DELAY_MICROS}: decrease to {@code 0.85 × receiveRate}
 *       (delay-based overuse).
 *   <li>Loss under 2 % and a short queue: increase by 8 % per second (multiplicative, as GoogCC's
 *       far-from-convergence increase), but never beyond {@code 3 × receiveRate + 300 kbps} so an
 *       application-limited stream does not inflate the estimate without bound.
 *   <li>Otherwise hold.
 * </ul>
 *
 * <p>Not thread-safe: one per subscriber connection, on the event loop. Times are microseconds of
 * any monotonic clock (ours for sending; the receiver's for arrivals, whose offset cancels out).
 */
public final class SendSideBandwidthEstimator {
  public static final long INITIAL_BPS = 2_000_000;
  public static final long MIN_BPS = 50_000;
  public static final long MAX_BPS = 20_000_000;
  public static final long WINDOW_MICROS = 200_000;
  public static final long OVERUSE_DELAY_MICROS = 100_000;
  public static final long MIN_DELAY_HORIZON_MICROS = 10_000_000;

  private static final int HISTORY = 8192;
  private static final int MIN_WINDOW_PACKETS = 8;

  private final int[] sentSequence = new int[HISTORY];
  private final long[] sentMicros = new long[HISTORY];
  private final int[] sentBytes = new int[HISTORY];

  private long estimateBps = INITIAL_BPS;
  private boolean hasFeedback;

  private long windowStartMicros = -1;
  private long windowBytes;
  private int windowReceived;
  private int windowLost;
  private long windowFirstArrival = Long.MAX_VALUE;
  private long windowLastArrival = Long.MIN_VALUE;
  private long windowDelaySum;
  private int windowDelayCount;

  private long minDelay = Long.MAX_VALUE;
  private long minDelaySince;
  private long nextMinDelay = Long.MAX_VALUE;
  private long lastUpdateMicros = -1;

  private double lastLoss;
  private long lastReceiveRateBps;
  private long lastQueueDelayMicros;

  public SendSideBandwidthEstimator() {
    java.util.Arrays.fill(sentSequence, -1);
  }

  /** Records a packet sent with transport-wide sequence number {@code sequence}. */
  public void onPacketSent(int sequence, int bytes, long sendMicros) {
    int slot = sequence & (HISTORY - 1);
    sentSequence[slot] = sequence & 0xFFFF;
    sentMicros[slot] = sendMicros;
    sentBytes[slot] = bytes;
  }

  /** Takes one feedback packet into account; returns the estimate afterwards. */
  public long onFeedback(TransportLayerCc feedback, long nowMicros) {
    hasFeedback = true;
    if (windowStartMicros < 0) {
      windowStartMicros = nowMicros;
    }
    long arrival = feedback.referenceTimeMicros();
    for (TransportLayerCc.PacketStatus status : feedback.packets()) {
      int slot = status.sequence() & (HISTORY - 1);
      boolean known = sentSequence[slot] == status.sequence();
      if (!status.received()) {
        if (known) {
          windowLost++;
        }
        continue;
      }
      arrival += status.deltaMicros();
      if (!known) {
        continue;
      }
      windowReceived++;
      windowBytes += sentBytes[slot];
      windowFirstArrival = Math.min(windowFirstArrival, arrival);
      windowLastArrival = Math.max(windowLastArrival, arrival);
      long delay = arrival - sentMicros[slot];
      windowDelaySum += delay;
      windowDelayCount++;
      trackMinDelay(delay, nowMicros);
      sentSequence[slot] = -1;
    }
    if (nowMicros - windowStartMicros >= WINDOW_MICROS
        && windowReceived + windowLost >= MIN_WINDOW_PACKETS) {
      update(nowMicros);
    }
    return estimateBps;
  }

  private void trackMinDelay(long delay, long nowMicros) {
    // Two overlapping horizons so the minimum can rise again after a route change.
    if (delay < minDelay) {
      minDelay = delay;
    }
    nextMinDelay = Math.min(nextMinDelay, delay);
    if (nowMicros - minDelaySince > MIN_DELAY_HORIZON_MICROS) {
      minDelay = nextMinDelay;
      nextMinDelay = Long.MAX_VALUE;
      minDelaySince = nowMicros;
    }
  }

  private void update(long nowMicros) {
    double loss = (double) windowLost / (windowLost + windowReceived);
    long span = Math.max(windowLastArrival - windowFirstArrival, 50_000);
    long receiveRate = windowReceived < 2 ? 0 : windowBytes * 8_000_000L / span;
    long queueDelay =
        windowDelayCount == 0 || minDelay == Long.MAX_VALUE
            ? 0
            : windowDelaySum / windowDelayCount - minDelay;
    double elapsedSeconds =
        lastUpdateMicros < 0 ? 0.2 : Math.min(1.0, (nowMicros - lastUpdateMicros) / 1e6);
    if (loss > 0.10) {
      estimateBps = (long) (Math.min(estimateBps, receiveRate) * (1 - 0.5 * loss));
    } else if (queueDelay > OVERUSE_DELAY_MICROS) {
      estimateBps = Math.min(estimateBps, (long) (0.85 * receiveRate));
    } else if (loss < 0.02 && queueDelay < OVERUSE_DELAY_MICROS / 2) {
      long cap = 3 * receiveRate + 300_000;
      if (estimateBps < cap) {
        estimateBps = Math.min(cap, (long) (estimateBps * (1 + 0.08 * elapsedSeconds)) + 1_000);
      }
    }
    estimateBps = Math.max(MIN_BPS, Math.min(MAX_BPS, estimateBps));
    lastLoss = loss;
    lastReceiveRateBps = receiveRate;
    lastQueueDelayMicros = queueDelay;
    lastUpdateMicros = nowMicros;
    windowStartMicros = nowMicros;
    windowBytes = 0;
    windowReceived = 0;
    windowLost = 0;
    windowFirstArrival = Long.MAX_VALUE;
    windowLastArrival = Long.MIN_VALUE;
    windowDelaySum = 0;
    windowDelayCount = 0;
  }

  /** The current estimate in bits per second ({@link #INITIAL_BPS} before any feedback). */
  public long estimateBps() {
    return estimateBps;
  }

  /** Whether any feedback arrived (a subscriber without transport-cc never sends any). */
  public boolean hasFeedback() {
    return hasFeedback;
  }

  /** Loss fraction of the last completed window. */
  public double lastLoss() {
    return lastLoss;
  }

  /** Receive rate of the last completed window, bits per second. */
  public long lastReceiveRateBps() {
    return lastReceiveRateBps;
  }

  /** Queuing delay of the last completed window, microseconds. */
  public long lastQueueDelayMicros() {
    return lastQueueDelayMicros;
  }
}
