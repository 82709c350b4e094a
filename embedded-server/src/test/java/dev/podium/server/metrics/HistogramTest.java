package dev.podium.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HistogramTest {
  @Test
  void writesCumulativeBucketsSumAndCount() {
    MetricsRegistry registry = new MetricsRegistry();
    Histogram h = registry.histogram("podium_join_seconds", "Join time", 1, 0.5);
    h.observe(0.2);
    h.observe(0.7);
    h.observe(3);
    h.observe(Double.NaN);
    assertThat(registry.scrape())
        .isEqualTo(
            "# HELP podium_join_seconds Join time\n"
                + "# TYPE podium_join_seconds histogram\n"
                + "podium_join_seconds_bucket{le=\"0.5\"} 1\n"
                + "podium_join_seconds_bucket{le=\"1.0\"} 2\n"
                + "podium_join_seconds_bucket{le=\"+Inf\"} 3\n"
                + "podium_join_seconds_sum 3.9\n"
                + "podium_join_seconds_count 3\n");
    assertThat(h.count()).isEqualTo(3);
  }

  @Test
  void refusesNoOrDuplicateBuckets() {
    MetricsRegistry registry = new MetricsRegistry();
    assertThatThrownBy(() -> registry.histogram("a", "A")).hasMessageContaining("at least one");
    assertThatThrownBy(() -> registry.histogram("b", "B", 1, 1)).hasMessageContaining("duplicate");
  }
}
