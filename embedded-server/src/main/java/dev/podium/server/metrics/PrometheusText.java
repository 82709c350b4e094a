package dev.podium.server.metrics;

import java.util.List;

/** Writes the Prometheus text exposition format, version 0.0.4. */
final class PrometheusText {
  /** The Content-Type of a scrape response. */
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private PrometheusText() {}

  static void header(StringBuilder out, String name, String help, String type) {
    out.append("# HELP ").append(name).append(' ');
    escape(out, help, false);
    out.append('\n').append("# TYPE ").append(name).append(' ').append(type).append('\n');
  }

  static void sample(
      StringBuilder out, String name, List<String> labelNames, List<String> values, double v) {
    out.append(name);
    if (!labelNames.isEmpty()) {
      out.append('{');
      for (int i = 0; i < labelNames.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        out.append(labelNames.get(i)).append("=\"");
        escape(out, values.get(i), true);
        out.append('"');
      }
      out.append('}');
    }
    out.append(' ').append(format(v)).append('\n');
  }

  private static String format(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }

  private static void escape(StringBuilder out, String text, boolean quote) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '"' -> out.append(quote ? "\\\"" : "\"");
        default -> out.append(c);
      }
    }
  }
}
