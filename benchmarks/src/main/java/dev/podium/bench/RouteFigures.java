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
 * baselines of the same run, as a Markdown table for docs/benchmarks.md.
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
    int error = header.indexOf("Score Error (99.9%)");
    int profile = header.indexOf("Param: profile");
    int subscribers = header.indexOf("Param: subscribers");
    Map<String, double[]> receive = new TreeMap<>();
    Map<String, double[]> protect = new TreeMap<>();
    Map<String, Map<Integer, double[]>> route = new TreeMap<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      List<String> cells = split(line);
      String name = cells.get(benchmark);
      String p = cells.get(profile);
      double[] value = {number(cells.get(score)), number(cells.get(error))};
      if (name.endsWith(".receive")) {
        receive.put(p, value);
      } else if (name.endsWith(".protect")) {
        protect.put(p, value);
      } else if (name.endsWith(".route")) {
        route
            .computeIfAbsent(p, k -> new TreeMap<>())
            .put(Integer.parseInt(cells.get(subscribers)), value);
      }
    }
    System.out.println(
        "| profile | subscribers | route ns/incoming | ns/forwarded | receive (a) | protect (b) |"
            + " a + N×b | routing overhead | overhead per subscriber |");
    System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (var byProfile : route.entrySet()) {
      double[] a = receive.get(byProfile.getKey());
      double[] b = protect.get(byProfile.getKey());
      for (var entry : byProfile.getValue().entrySet()) {
        int n = entry.getKey();
        double[] total = entry.getValue();
        String crypto = "–";
        String overhead = "–";
        String perSubscriber = "–";
        if (a != null && b != null) {
          double sum = a[0] + n * b[0];
          crypto = format(sum);
          overhead = format(total[0] - sum);
          perSubscriber = format((total[0] - sum) / n);
        }
        System.out.printf(
            Locale.ROOT,
            "| %s | %d | %s ± %s | %s | %s | %s | %s | %s | %s |%n",
            byProfile.getKey(),
            n,
            format(total[0]),
            format(total[1]),
            format(total[0] / n),
            a == null ? "–" : format(a[0]),
            b == null ? "–" : format(b[0]),
            crypto,
            overhead,
            perSubscriber);
      }
    }
  }

  private static String format(double nanos) {
    return String.format(Locale.ROOT, "%,.0f", nanos);
  }

  private static double number(String cell) {
    return cell.isEmpty() || cell.equals("NaN") ? Double.NaN : Double.parseDouble(cell);
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
