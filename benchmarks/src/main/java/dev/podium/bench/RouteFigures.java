package dev.podium.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the CSV of a {@link RouteBenchmark} run ({@code -rf csv -rff FILE}) and prints, per SRTP
 * profile and subscriber count, the per-packet figures and the routing overhead derived from the
 * baselines of the same run, as a Markdown table for docs/benchmarks.md. Uses the medians (p0.50)
 * of a sample-time run, or the means of an average-time run.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar dev.podium.bench.RouteFigures FILE}
 */
public final class RouteFigures {
  private RouteFigures() {}

  /** Entry point: one argument, the JMH CSV file. */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: RouteFigures <jmh-result.csv>");
      System.exit(2);
    }
    List<String> lines = Files.readAllLines(Path.of(args[0]));
    List<String> header = split(lines.get(0));
    int benchmark = header.indexOf("Benchmark");
    int score = header.indexOf("Score");
    int profile = header.indexOf("Param: profile");
    int subscribers = header.indexOf("Param: subscribers");
    // Key: method|profile|subscribers|statistic, statistic "mean" or e.g. "p0.50".
    Map<String, Double> values = new TreeMap<>();
    Map<String, Map<Integer, Boolean>> routes = new TreeMap<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      List<String> cells = split(line);
      String name = cells.get(benchmark);
      int colon = name.indexOf(':');
      String statistic = colon < 0 ? "mean" : name.substring(colon + 1);
      String method = (colon < 0 ? name : name.substring(0, colon));
      method = method.substring(method.lastIndexOf('.') + 1);
      String p = cells.get(profile);
      int n =
          subscribers < 0 || cells.get(subscribers).isEmpty() ? 0 : parseInt(cells, subscribers);
      values.put(key(method, p, n, statistic), Double.parseDouble(cells.get(score)));
      if (method.equals("route")) {
        routes.computeIfAbsent(p, k -> new TreeMap<>()).put(n, true);
      }
    }
    boolean sampled = values.keySet().stream().anyMatch(k -> k.endsWith("|p0.50"));
    String statistic = sampled ? "p0.50" : "mean";
    System.out.println(
        "| profile | subscribers | route ns/incoming ("
            + (sampled ? "median" : "mean")
            + ") | ns/forwarded | receive (a) | protect (b) | a + N×b | routing overhead |"
            + " overhead per subscriber |"
            + (sampled ? " route p0.90 |" : ""));
    System.out.println(
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
            + (sampled ? " ---: |" : ""));
    for (var byProfile : routes.entrySet()) {
      String p = byProfile.getKey();
      Double a = values.get(key("receive", p, 0, statistic));
      Double b = values.get(key("protect", p, 0, statistic));
      for (int n : byProfile.getValue().keySet()) {
        double total = values.get(key("route", p, n, statistic));
        StringBuilder row = new StringBuilder();
        row.append("| ").append(p).append(" | ").append(n);
        cell(row, total);
        cell(row, total / n);
        cell(row, a);
        cell(row, b);
        Double crypto = a == null || b == null ? null : a + n * b;
        cell(row, crypto);
        cell(row, crypto == null ? null : total - crypto);
        cell(row, crypto == null ? null : (total - crypto) / n);
        if (sampled) {
          cell(row, values.get(key("route", p, n, "p0.90")));
        }
        System.out.println(row.append(" |"));
      }
    }
  }

  private static String key(String method, String profile, int subscribers, String statistic) {
    return method + "|" + profile + "|" + subscribers + "|" + statistic;
  }

  private static int parseInt(List<String> cells, int index) {
    return Integer.parseInt(cells.get(index));
  }

  private static void cell(StringBuilder row, Double nanos) {
    row.append(" | ").append(nanos == null ? "–" : format(nanos));
  }

  private static String format(double nanos) {
    return String.format(Locale.ROOT, "%,.0f", nanos);
  }

  /** Splits one line of JMH's CSV: fields separated by commas, quoted with double quotes. */
  private static List<String> split(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString());
    return cells;
  }
}
