package dev.podium.server.metrics;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * A distribution of observed values in fixed cumulative buckets (Prometheus histogram: {@code
 * _bucket{le=...}}, {@code _sum}, {@code _count}), without labels.
 */
public final class Histogram {
  private final String name;
  private final String help;
  private final double[] bounds;
  private final LongAdder[] counts;
  private final DoubleAdder sum = new DoubleAdder();
  private final LongAdder count = new LongAdder();

  Histogram(String name, String help, double[] upperBounds) {
    if (upperBounds.length == 0) {
      throw new IllegalArgumentException("a histogram needs at least one bucket");
    }
    double[] sorted = upperBounds.clone();
    Arrays.sort(sorted);
    for (int i = 1; i < sorted.length; i++) {
      if (sorted[i] == sorted[i - 1]) {
        throw new IllegalArgumentException("duplicate bucket bound " + sorted[i]);
      }
    }
    this.name = name;
    this.help = help;
    this.bounds = sorted;
    this.counts = new LongAdder[sorted.length];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = new LongAdder();
    }
  }

  /** Records one value (NaN is ignored). */
  public void observe(double value) {
    if (Double.isNaN(value)) {
      return;
    }
    for (int i = 0; i < bounds.length; i++) {
      if (value <= bounds[i]) {
        counts[i].increment();
        break;
      }
    }
    sum.add(value);
    count.increment();
  }

  /** How many values were recorded. */
  public long count() {
    return count.sum();
  }

  /** The sum of the recorded values. */
  public double sum() {
    return sum.sum();
  }

  void writeTo(StringBuilder out) {
    PrometheusText.header(out, name, help, "histogram");
    long total = count.sum();
    long cumulative = 0;
    List<String> le = List.of("le");
    for (int i = 0; i < bounds.length; i++) {
      cumulative += counts[i].sum();
      PrometheusText.sample(
          out, name + "_bucket", le, List.of(bound(bounds[i])), Math.min(cumulative, total));
    }
    PrometheusText.sample(out, name + "_bucket", le, List.of("+Inf"), total);
    PrometheusText.sample(out, name + "_sum", List.of(), List.of(), sum.sum());
    PrometheusText.sample(out, name + "_count", List.of(), List.of(), total);
  }

  private static String bound(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? Long.toString((long) value) + ".0"
        : Double.toString(value);
  }
}
