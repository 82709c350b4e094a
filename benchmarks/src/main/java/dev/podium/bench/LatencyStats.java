package dev.podium.bench;

import java.util.Arrays;
import java.util.Collection;

/**
 * Summary of a set of latencies (nearest-rank percentiles), in milliseconds.
 *
 * @param count how many samples
 * @param p50Millis median
 * @param p99Millis 99th percentile (nearest rank)
 * @param maxMillis largest sample
 * @param meanMillis arithmetic mean
 */
record LatencyStats(
    int count, double p50Millis, double p99Millis, double maxMillis, double meanMillis) {

  /** Summarises {@code nanos}; all zero for an empty collection. */
  static LatencyStats ofNanos(Collection<Long> nanos) {
    long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    return ofSortedNanos(sorted);
  }

  /** Summarises {@code nanos} (any order; the array is sorted in place). */
  static LatencyStats ofNanos(long[] nanos) {
    Arrays.sort(nanos);
    return ofSortedNanos(nanos);
  }

  private static LatencyStats ofSortedNanos(long[] sorted) {
    if (sorted.length == 0) {
      return new LatencyStats(0, 0, 0, 0, 0);
    }
    double sum = 0;
    for (long n : sorted) {
      sum += n;
    }
    return new LatencyStats(
        sorted.length,
        millis(percentile(sorted, 50)),
        millis(percentile(sorted, 99)),
        millis(sorted[sorted.length - 1]),
        sum / sorted.length / 1e6);
  }

  /** Nearest-rank percentile: the smallest sample with at least {@code p}% at or below it. */
  private static long percentile(long[] sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  private static double millis(long nanos) {
    return nanos / 1e6;
  }

  /** "n=…, p50 … ms, p99 … ms, max … ms, mean … ms". */
  String describe() {
    return String.format(
        "n=%d  p50 %.1f ms  p99 %.1f ms  max %.1f ms  mean %.1f ms",
        count, p50Millis, p99Millis, maxMillis, meanMillis);
  }
}
