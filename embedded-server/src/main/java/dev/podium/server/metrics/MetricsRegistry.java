package dev.podium.server.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;
import java.util.regex.Pattern;

/**
 * The server's metrics: any part of the server registers counters, gauges and histograms here, and
 * {@code GET /metrics} writes them all in the Prometheus text format. Names must be unique.
 */
public final class MetricsRegistry {
  private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

  private final Map<String, Object> metrics = new LinkedHashMap<>();

  /** Registers a counter; by convention its name ends in {@code _total}. */
  public synchronized Counter counter(String name, String help, String... labelNames) {
    checkName(name);
    for (String label : labelNames) {
      if (!LABEL.matcher(label).matches()) {
        throw new IllegalArgumentException("not a valid label name: " + label);
      }
    }
    Counter counter = new Counter(name, help, List.of(labelNames));
    metrics.put(name, counter);
    return counter;
  }

  /** Registers a histogram with these bucket upper bounds (the {@code +Inf} bucket is added). */
  public synchronized Histogram histogram(String name, String help, double... upperBounds) {
    checkName(name);
    Histogram histogram = new Histogram(name, help, upperBounds);
    metrics.put(name, histogram);
    return histogram;
  }

  /** Registers a gauge whose value is read at each scrape; the supplier must be quick. */
  public synchronized void gauge(String name, String help, DoubleSupplier supplier) {
    checkName(name);
    metrics.put(name, new Gauge(name, help, supplier));
  }

  private void checkName(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a valid metric name: " + name);
    }
    if (metrics.containsKey(name)) {
      throw new IllegalArgumentException("metric already registered: " + name);
    }
  }

  /** All metrics in the Prometheus text exposition format 0.0.4. */
  public synchronized String scrape() {
    StringBuilder out = new StringBuilder(1024);
    for (Object metric : metrics.values()) {
      if (metric instanceof Counter counter) {
        counter.writeTo(out);
      } else if (metric instanceof Histogram histogram) {
        histogram.writeTo(out);
      } else {
        ((Gauge) metric).writeTo(out);
      }
    }
    return out.toString();
  }

  /** The Content-Type to serve {@link #scrape()} with. */
  public static String contentType() {
    return PrometheusText.CONTENT_TYPE;
  }
}
