package dev.podium.media.feedback;

import dev.podium.media.rtcp.TransportLayerCc;
import dev.podium.media.rtp.SequenceNumberUnwrapper;
import java.util.Arrays;

/**
 * Receiver side of transport-wide congestion control
 * (draft-holmer-rmcat-transport-wide-cc-extensions-01 §3.1): records when each packet with a
 * transport-wide sequence number arrived and, at most every {@link #FEEDBACK_INTERVAL_MICROS},
 * reports those arrivals so the sender's congestion controller (libwebrtc's GoogCC) can estimate
 * the bandwidth. Without it the sender stays at its 300 kbps start rate and never enables its upper
 * simulcast layers. Not thread-safe: one per publishing connection, on the event loop.
 */
public final class TransportCcGenerator {
  /** libwebrtc's receive-side default is 100 ms; 50 ms lets the sender ramp up faster. */
  public static final long FEEDBACK_INTERVAL_MICROS = 50_000;

  /** Arrivals further back than this many sequence numbers are given up (never reported). */
  private static final int WINDOW = 4096;

  /** Largest span one feedback packet covers; the rest goes into the next one. */
  private static final int MAX_PACKETS_PER_FEEDBACK = 1000;

  private static final long STALL_MICROS = 5_000_000;

  private final long senderSsrc;
  private final SequenceNumberUnwrapper unwrapper = new SequenceNumberUnwrapper();
  private final long[] arrivals = new long[WINDOW];
  private long nextToReport = -1;
  private long highest = -1;
  private long lastArrivalMicros;
  private long lastFeedbackMicros;
  private long mediaSsrc;
  private int feedbackCount;

  public TransportCcGenerator(long senderSsrc) {
    this.senderSsrc = senderSsrc;
    Arrays.fill(arrivals, TransportLayerCc.NOT_RECEIVED);
  }

  /** Records that the packet with transport-wide sequence {@code sequence} arrived. */
  public void onPacket(int sequence, long ssrc, long arrivalMicros) {
    if (nextToReport >= 0 && arrivalMicros - lastArrivalMicros > STALL_MICROS) {
      // After a long silence start afresh: deltas across it do not fit the wire format.
      Arrays.fill(arrivals, TransportLayerCc.NOT_RECEIVED);
      nextToReport = -1;
    }
    long extended = unwrapper.unwrap(sequence);
    lastArrivalMicros = arrivalMicros;
    mediaSsrc = ssrc;
    if (nextToReport < 0) {
      nextToReport = extended;
      highest = extended;
    }
    if (extended < nextToReport) {
      return; // already reported as lost; too late to matter
    }
    if (extended - nextToReport >= WINDOW) {
      long newStart = extended - WINDOW + 1;
      for (long s = nextToReport; s < newStart && s <= highest; s++) {
        arrivals[(int) (s & (WINDOW - 1))] = TransportLayerCc.NOT_RECEIVED;
      }
      nextToReport = newStart;
    }
    arrivals[(int) (extended & (WINDOW - 1))] = arrivalMicros;
    highest = Math.max(highest, extended);
  }

  /** Feedback to send now, or null if nothing is due. */
  public TransportLayerCc poll(long nowMicros) {
    if (nextToReport < 0
        || highest < nextToReport
        || nowMicros - lastFeedbackMicros < FEEDBACK_INTERVAL_MICROS) {
      return null;
    }
    int count = (int) Math.min(highest - nextToReport + 1, MAX_PACKETS_PER_FEEDBACK);
    long[] batch = new long[count];
    for (int i = 0; i < count; i++) {
      int slot = (int) ((nextToReport + i) & (WINDOW - 1));
      batch[i] = arrivals[slot];
      arrivals[slot] = TransportLayerCc.NOT_RECEIVED;
    }
    int base = (int) (nextToReport & 0xFFFF);
    nextToReport += count;
    lastFeedbackMicros = nowMicros;
    if (batch[0] == TransportLayerCc.NOT_RECEIVED && allLost(batch)) {
      return null;
    }
    try {
      return TransportLayerCc.fromArrivals(
          senderSsrc, mediaSsrc, feedbackCount++ & 0xFF, base, batch);
    } catch (IllegalArgumentException e) {
      return null; // arrivals too far apart for one packet (reordering across a stall)
    }
  }

  private static boolean allLost(long[] batch) {
    for (long arrival : batch) {
      if (arrival != TransportLayerCc.NOT_RECEIVED) {
        return false;
      }
    }
    return true;
  }
}
