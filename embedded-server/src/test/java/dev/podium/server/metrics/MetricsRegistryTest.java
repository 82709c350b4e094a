package dev.podium.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MetricsRegistryTest {
  @Test
  void writesCountersAndGaugesInPrometheusTextFormat() {
    MetricsRegistry registry = new MetricsRegistry();
    Counter drops = registry.counter("podium_drops_total", "Dropped packets", "reason");
    registry.gauge("podium_meetings", "Meetings", () -> 3);
    drops.inc("bad \"srtp\"");
    drops.add(2, "late");
    assertThat(registry.scrape())
        .isEqualTo(
            "# HELP podium_drops_total Dropped packets\n"
                + "# TYPE podium_drops_total counter\n"
                + "podium_drops_total{reason=\"bad \\\"srtp\\\"\"} 1\n"
                + "podium_drops_total{reason=\"late\"} 2\n"
                + "# HELP podium_meetings Meetings\n"
                + "# TYPE podium_meetings gauge\n"
                + "podium_meetings 3\n");
    assertThat(drops.value("late")).isEqualTo(2);
  }

  @Test
  void refusesBadNamesDuplicatesAndWrongLabelCounts() {
    MetricsRegistry registry = new MetricsRegistry();
    Counter c = registry.counter("a_total", "A", "x");
    assertThatThrownBy(() -> registry.counter("a_total", "again")).hasMessageContaining("already");
    assertThatThrownBy(() -> registry.gauge("bad name", "B", () -> 1))
        .hasMessageContaining("valid");
    assertThatThrownBy(() -> c.inc()).hasMessageContaining("takes 1 label values");
    assertThatThrownBy(() -> c.add(-1, "v")).hasMessageContaining("only goes up");
  }
}
