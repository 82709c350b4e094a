package dev.podium.media.feedback;

import dev.podium.media.rtp.SequenceNumberUnwrapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Receiver side of generic NACK (RFC 4585 §6.2.1) for one incoming video stream: notes the sequence
 * numbers that a jump skipped and lists them for a NACK at most every {@link
 * #RETRY_INTERVAL_MILLIS}, up to {@link #MAX_RETRIES} times and for at most {@link #GIVE_UP_MILLIS}
 * after they went missing (later the frame is useless and a keyframe is cheaper). Time is passed
 * in, so tests drive it with a fake clock. Not thread-safe: one per stream, on the event loop.
 */
public final class NackGenerator {
  /** A sequence number is asked for again after this long without an answer. */
  public static final long RETRY_INTERVAL_MILLIS = 40;

  public static final int MAX_RETRIES = 10;

  /** Missing packets older than this are given up. */
  public static final long GIVE_UP_MILLIS = 1_000;

  /** A jump larger than this is a stream restart, not loss: nothing is asked for. */
  public static final int MAX_GAP = 1_000;

  /** At most this many sequence numbers are tracked; the oldest are given up first. */
  public static final int MAX_MISSING = 500;

  private final SequenceNumberUnwrapper unwrapper = new SequenceNumberUnwrapper();
  private final TreeMap<Long, Missing> missing = new TreeMap<>();
  private long highest = Long.MIN_VALUE;
  private long givenUp;
  private long recovered;

  /**
   * Records an arriving packet (original or repaired). Returns true when it fills a gap that was
   * being asked for, false for a new or duplicate packet.
   */
  public boolean onPacket(int sequenceNumber, long nowMillis) {
    long ext = unwrapper.unwrap(sequenceNumber);
    if (highest == Long.MIN_VALUE) {
      highest = ext;
      return false;
    }
    if (ext > highest) {
      long gap = ext - highest - 1;
      if (gap > MAX_GAP) {
        givenUp += missing.size();
        missing.clear();
      } else {
        for (long s = highest + 1; s < ext; s++) {
          missing.put(s, new Missing(nowMillis));
        }
        while (missing.size() > MAX_MISSING) {
          missing.pollFirstEntry();
          givenUp++;
        }
      }
      highest = ext;
      return false;
    }
    if (missing.remove(ext) != null) {
      recovered++;
      return true;
    }
    return false;
  }

  /**
   * The sequence numbers to NACK now (ascending, 16-bit), empty when none is due. Each returned
   * number counts as one more try.
   */
  public List<Integer> poll(long nowMillis) {
    if (missing.isEmpty()) {
      return List.of();
    }
    List<Integer> due = new ArrayList<>();
    Iterator<Map.Entry<Long, Missing>> it = missing.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<Long, Missing> entry = it.next();
      Missing m = entry.getValue();
      if (nowMillis - m.detectedMillis > GIVE_UP_MILLIS || m.retries >= MAX_RETRIES) {
        it.remove();
        givenUp++;
        continue;
      }
      if (nowMillis - m.lastSentMillis >= RETRY_INTERVAL_MILLIS) {
        m.lastSentMillis = nowMillis;
        m.retries++;
        due.add((int) (entry.getKey() & 0xFFFF));
      }
    }
    return due;
  }

  /** Sequence numbers currently missing. */
  public int missingCount() {
    return missing.size();
  }

  /** Missing packets that arrived after all. */
  public long recoveredCount() {
    return recovered;
  }

  /** Missing packets no longer asked for. */
  public long givenUpCount() {
    return givenUp;
  }

  private static final class Missing {
    final long detectedMillis;
    long lastSentMillis = Long.MIN_VALUE / 2;
    int retries;

    Missing(long detectedMillis) {
      this.detectedMillis = detectedMillis;
    }
  }
}
