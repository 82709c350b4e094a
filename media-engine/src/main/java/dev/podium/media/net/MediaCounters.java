package dev.podium.media.net;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Traffic and drop counters of the media plane. Written from the network event loop, read by
 * metrics from any thread.
 */
public final class MediaCounters {
  private final AtomicLongArray drops = new AtomicLongArray(DropReason.values().length);
  private final LongAdder packetsIn = new LongAdder();
  private final LongAdder bytesIn = new LongAdder();
  private final LongAdder packetsOut = new LongAdder();
  private final LongAdder bytesOut = new LongAdder();
  private final LongAdder internalErrors = new LongAdder();

  public void drop(DropReason reason) {
    drops.incrementAndGet(reason.ordinal());
  }

  public void received(int bytes) {
    packetsIn.increment();
    bytesIn.add(bytes);
  }

  public void sent(int bytes) {
    packetsOut.increment();
    bytesOut.add(bytes);
  }

  /** A bug surfaced on the per-packet path (an exception the pipeline caught); should stay 0. */
  public void internalError() {
    internalErrors.increment();
  }

  public long internalErrors() {
    return internalErrors.sum();
  }

  public long drops(DropReason reason) {
    return drops.get(reason.ordinal());
  }

  public long totalDrops() {
    long sum = 0;
    for (int i = 0; i < drops.length(); i++) {
      sum += drops.get(i);
    }
    return sum;
  }

  public Map<DropReason, Long> dropSnapshot() {
    Map<DropReason, Long> map = new EnumMap<>(DropReason.class);
    for (DropReason reason : DropReason.values()) {
      map.put(reason, drops(reason));
    }
    return map;
  }

  public long packetsIn() {
    return packetsIn.sum();
  }

  public long bytesIn() {
    return bytesIn.sum();
  }

  public long packetsOut() {
    return packetsOut.sum();
  }

  public long bytesOut() {
    return bytesOut.sum();
  }
}
