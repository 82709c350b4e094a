package dev.podium.server.metrics;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** A monotonically increasing count, one series per combination of label values. */
public final class Counter {
  private final String name;
  private final String help;
  private final List<String> labelNames;
  private final Map<List<String>, LongAdder> series = new ConcurrentHashMap<>();

  Counter(String name, String help, List<String> labelNames) {
    this.name = name;
    this.help = help;
    this.labelNames = List.copyOf(labelNames);
  }

  /** Adds one to the series with these label values (in the order the labels were declared). */
  public void inc(String... labelValues) {
    add(1, labelValues);
  }

  /** Adds {@code amount} (not negative) to the series with these label values. */
  public void add(long amount, String... labelValues) {
    if (amount < 0) {
      throw new IllegalArgumentException("a counter only goes up");
    }
    if (labelValues.length != labelNames.size()) {
      throw new IllegalArgumentException(
          name + " takes " + labelNames.size() + " label values, got " + labelValues.length);
    }
    for (String value : labelValues) {
      Objects.requireNonNull(value, "label value");
    }
    series.computeIfAbsent(List.of(labelValues), k -> new LongAdder()).add(amount);
  }

  /** The current value of one series (0 if never incremented). */
  public long value(String... labelValues) {
    LongAdder adder = series.get(List.of(labelValues));
    return adder == null ? 0 : adder.sum();
  }

  void writeTo(StringBuilder out) {
    PrometheusText.header(out, name, help, "counter");
    if (series.isEmpty() && labelNames.isEmpty()) {
      PrometheusText.sample(out, name, labelNames, List.of(), 0);
    }
    series.entrySet().stream()
        .sorted(
            Map.Entry.comparingByKey(
                (a, b) -> String.join("\0", a).compareTo(String.join("\0", b))))
        .forEach(e -> PrometheusText.sample(out, name, labelNames, e.getKey(), e.getValue().sum()));
  }
}
