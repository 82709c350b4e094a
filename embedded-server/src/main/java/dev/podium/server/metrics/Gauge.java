package dev.podium.server.metrics;

import java.util.List;
import java.util.function.DoubleSupplier;

/** A value read when metrics are scraped (e.g. the number of meetings). */
final class Gauge {
  private final String name;
  private final String help;
  private final DoubleSupplier supplier;

  Gauge(String name, String help, DoubleSupplier supplier) {
    this.name = name;
    this.help = help;
    this.supplier = supplier;
  }

  void writeTo(StringBuilder out) {
    PrometheusText.header(out, name, help, "gauge");
    double value;
    try {
      value = supplier.getAsDouble();
    } catch (RuntimeException e) {
      value = Double.NaN;
    }
    PrometheusText.sample(out, name, List.of(), List.of(), value);
  }
}
