package dev.podium.bench;

import dev.podium.server.boot.PodiumServer;
import dev.podium.server.boot.ServerConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * A Podium server alone in its own JVM, so {@link JoinBenchmark} can measure the server's heap
 * without its client peers in it. Started by the benchmark as a child process (same class path);
 * talks over stdin/stdout, one line each:
 *
 * <ul>
 *   <li>stdin line 1: the API key (not on the command line, so {@code ps} does not show it);
 *   <li>stdout {@code READY <httpPort>} once listening on 127.0.0.1 (ephemeral HTTP and UDP ports);
 *   <li>stdin {@code HEAP} → forced GCs, then stdout {@code HEAP <used> <committed> <direct>
 *       <nettyDirect> <rss> <threads> <connectedAttendees> <mediaTransports>};
 *   <li>stdin {@code EXIT} or end of input → closes the server and exits.
 * </ul>
 */
public final class ServerProcess {
  private ServerProcess() {}

  /** Runs the server until told to exit or stdin closes. */
  public static void main(String[] args) throws IOException {
    Logging.warnOnly();
    PrintStream out = System.out;
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String apiKey = in.readLine();
    if (apiKey == null || apiKey.isBlank()) {
      System.err.println("ServerProcess: expected the API key on the first stdin line");
      System.exit(2);
    }
    try (PodiumServer server = PodiumServer.start(ServerConfig.ephemeral(apiKey.trim()))) {
      out.println("READY " + server.httpPort());
      out.flush();
      String line;
      while ((line = in.readLine()) != null) {
        String command = line.trim();
        if (command.equals("HEAP")) {
          HeapSample sample = HeapSample.measure();
          out.println(
              "HEAP "
                  + sample.encode()
                  + " "
                  + server.meetings().connectedCount()
                  + " "
                  + server.media().transportCount());
          out.flush();
        } else if (command.equals("EXIT")) {
          break;
        }
      }
    }
    System.exit(0);
  }
}
