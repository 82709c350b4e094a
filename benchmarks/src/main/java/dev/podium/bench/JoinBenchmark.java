package dev.podium.bench;

import dev.podium.server.boot.PodiumServer;
import dev.podium.server.boot.ServerConfig;
import dev.podium.testkit.PeerEnvironment;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The join benchmark program (issue 3): a real Podium server on 127.0.0.1 ephemeral ports, then
 *
 * <ol>
 *   <li>CreateAttendee over HTTP against one meeting, sequentially and on several threads: calls/s
 *       and latency percentiles;
 *   <li>many concurrent signaling joins of receive-only audio webrtc-java peers into one meeting:
 *       time from presenting the join token to the peer connection being CONNECTED;
 *   <li>memory per idle connected attendee, measured twice: with the server in this JVM (the figure
 *       then includes the client peers' Java objects) and with the server alone in a child JVM
 *       ({@link ServerProcess}) that reports its own heap after forced GCs.
 * </ol>
 *
 * <p>Run inside {@code tools/loopback-only} (webrtc-java peers must only ever see loopback): {@code
 * tools/loopback-only java -cp benchmarks/target/benchmarks.jar dev.podium.bench.JoinBenchmark}.
 * Options: {@code --http-calls N} (1000), {@code --http-threads N} (8), {@code --joins N} (250),
 * {@code --join-threads N} (24), {@code --rounds both|in-process|child} (both), {@code --time-limit
 * SECONDS} (285; results so far are printed when it strikes). Every phase prints its figures as
 * soon as it ends, so a run cut short still shows what it measured.
 */
public final class JoinBenchmark {
  private static final PrintStream OUT = System.out;
  private static final Duration SETTLE = Duration.ofSeconds(3);
  private static final int WARM_UP_CALLS = 200;
  private static final int WARM_UP_JOINS = 4;

  private int httpCalls = 1000;
  private int httpThreads = 8;
  private int joins = 250;
  private int joinThreads = 24;
  private String rounds = "both";
  private int timeLimitSeconds = 285;

  private final String apiKey = randomKey();
  private final List<String> summary = new ArrayList<>();
  private long deadline;
  private volatile ChildServer child;
  private volatile JoinRound activeRound;
  private ControlApiClient.MeetingRef httpMeeting;

  private JoinBenchmark() {}

  /** Runs the benchmark; see the class comment for options. */
  public static void main(String[] args) throws Exception {
    Logging.warnOnly();
    JoinBenchmark bench = new JoinBenchmark();
    bench.parse(args);
    int code = bench.run();
    OUT.flush();
    System.exit(code);
  }

  private void parse(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (option.equals("--help") || option.equals("-h")) {
        OUT.println(
            "usage: JoinBenchmark [--http-calls N] [--http-threads N] [--joins N]"
                + " [--join-threads N] [--rounds both|in-process|child] [--time-limit SECONDS]");
        System.exit(0);
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      String value = args[++i];
      switch (option) {
        case "--http-calls" -> httpCalls = Integer.parseInt(value);
        case "--http-threads" -> httpThreads = Integer.parseInt(value);
        case "--joins" -> joins = Integer.parseInt(value);
        case "--join-threads" -> joinThreads = Integer.parseInt(value);
        case "--rounds" -> rounds = value;
        case "--time-limit" -> timeLimitSeconds = Integer.parseInt(value);
        default -> throw new IllegalArgumentException("unknown option " + option);
      }
    }
    if (!List.of("both", "in-process", "child").contains(rounds)) {
      throw new IllegalArgumentException("--rounds must be both, in-process or child");
    }
  }

  private int run() throws Exception {
    long start = System.nanoTime();
    deadline = start + Duration.ofSeconds(timeLimitSeconds).toNanos();
    startWatchdog();
    header();
    PodiumServer server = null;
    PeerEnvironment env = null;
    try {
      server = PodiumServer.start(ServerConfig.ephemeral(apiKey));
      String base = "http://127.0.0.1:" + server.httpPort();
      OUT.printf("server (in this JVM): %s, media udp %s%n%n", base, server.mediaAddress());
      ControlApiClient api = new ControlApiClient(base, apiKey);

      List<String> tokens = httpPhase(api);

      env = PeerEnvironment.create();
      if (!rounds.equals("child")) {
        inProcessRound(server, api, env, tokens);
      }
      if (!rounds.equals("in-process")) {
        childRound(env);
      }
    } catch (Exception | Error e) {
      OUT.println("!! benchmark aborted: " + e);
      e.printStackTrace(OUT);
      printSummary(start);
      return 1;
    } finally {
      long closing = System.nanoTime();
      if (env != null) {
        env.close();
      }
      if (server != null) {
        server.close();
      }
      OUT.printf("(shut down peers and server in %.1f s)%n%n", (System.nanoTime() - closing) / 1e9);
    }
    printSummary(start);
    return 0;
  }

  // ------------------------------------------------------------------ phase 1: HTTP

  private List<String> httpPhase(ControlApiClient api) throws InterruptedException {
    OUT.println("== 1. CreateAttendee over HTTP (POST /meetings/{id}/attendees, bearer API key)");
    long budget = Math.min(deadline, System.nanoTime() + Duration.ofSeconds(60).toNanos());
    ControlApiClient.MeetingRef warm = api.createMeeting("bench-http-warm-up");
    HttpCallRun warmUp = HttpCallRun.run(api, warm.meetingId(), "warm", WARM_UP_CALLS, 1, budget);
    OUT.println("warm-up (separate meeting, not counted): " + warmUp.describe());

    ControlApiClient.MeetingRef meeting = api.createMeeting("bench-http");
    httpMeeting = meeting;
    HttpCallRun sequential = HttpCallRun.run(api, meeting.meetingId(), "seq", httpCalls, 1, budget);
    OUT.println("sequential: " + sequential.describe());
    HttpCallRun concurrent =
        HttpCallRun.run(api, meeting.meetingId(), "par", httpCalls, httpThreads, budget);
    OUT.println("concurrent: " + concurrent.describe());
    OUT.println();
    summary.add(
        String.format(
            "CreateAttendee sequential: %.0f calls/s, p50 %.2f ms, p99 %.2f ms (%d calls)",
            sequential.callsPerSecond(),
            sequential.latency().p50Millis(),
            sequential.latency().p99Millis(),
            sequential.calls()));
    summary.add(
        String.format(
            "CreateAttendee %d threads: %.0f calls/s, p50 %.2f ms, p99 %.2f ms (%d calls)",
            httpThreads,
            concurrent.callsPerSecond(),
            concurrent.latency().p50Millis(),
            concurrent.latency().p99Millis(),
            concurrent.calls()));
    List<String> tokens = new ArrayList<>(sequential.joinTokens());
    tokens.addAll(concurrent.joinTokens());
    return tokens;
  }

  // ------------------------------------------------------------------ phase 2: in-process round

  private void inProcessRound(
      PodiumServer server, ControlApiClient api, PeerEnvironment env, List<String> httpTokens)
      throws Exception {
    OUT.printf(
        "== 2a. %d concurrent joins, server in THIS JVM (%d join threads, receive-only audio"
            + " peers)%n",
        joins, joinThreads);
    warmUpJoins("warm-a", api, env);
    // Join attendees created in phase 1 (meeting "bench-http") when there are enough.
    List<String> tokens;
    String signalingUrl;
    if (httpTokens.size() >= joins) {
      tokens = httpTokens.subList(0, joins);
      signalingUrl = httpMeeting.signalingUrl();
    } else {
      ControlApiClient.MeetingRef meeting = api.createMeeting("bench-joins-in-process");
      tokens = api.batchCreateAttendees(meeting.meetingId(), "join", joins);
      signalingUrl = meeting.signalingUrl();
    }
    HeapSample before = HeapSample.measure();
    OUT.println("before joins: " + before.describe());
    try (JoinRound round = new JoinRound("in", env)) {
      activeRound = round;
      round.run(signalingUrl, tokens, joinThreads, roundBudget(110));
      activeRound = null;
      reportJoins(round, "in-process server");
      Thread.sleep(SETTLE.toMillis());
      HeapSample after = HeapSample.measure();
      OUT.printf(
          "after %d connected + %d s idle: %s%n  server counts %d connected attendees, %d media"
              + " transports%n",
          round.connectedCount(),
          SETTLE.toSeconds(),
          after.describe(),
          server.meetings().connectedCount(),
          server.media().transportCount());
      if (round.connectedCount() > 0) {
        double perAttendee =
            (after.usedHeapBytes() - before.usedHeapBytes()) / (double) round.connectedCount();
        OUT.printf(
            "heap per connected attendee, server AND client peers' Java objects in one JVM:"
                + " %.1f KiB%n",
            perAttendee / 1024);
        summary.add(
            String.format(
                "heap per attendee, one JVM (server + client Java objects): %.1f KiB",
                perAttendee / 1024));
      }
      long closing = System.nanoTime();
      round.close();
      OUT.printf("closed the peers in %.1f s%n%n", (System.nanoTime() - closing) / 1e9);
    }
  }

  // ------------------------------------------------------------------ phase 3: child JVM round

  private void childRound(PeerEnvironment env) throws Exception {
    OUT.printf(
        "== 2b/3. %d concurrent joins, server ALONE in a child JVM (ServerProcess), peers here%n",
        joins);
    child = ChildServer.start(apiKey);
    try {
      String base = "http://127.0.0.1:" + child.httpPort();
      OUT.printf("child server pid %d at %s%n", child.pid(), base);
      ControlApiClient api = new ControlApiClient(base, apiKey);
      warmUpJoins("warm-b", api, env);
      ControlApiClient.MeetingRef meeting = api.createMeeting("bench-joins-child");
      List<String> tokens = api.batchCreateAttendees(meeting.meetingId(), "join", joins);
      ChildServer.ServerHeap serverBefore = child.heap();
      HeapSample clientBefore = HeapSample.measure();
      OUT.println("server before joins: " + serverBefore.heap().describe());
      OUT.println("client before joins: " + clientBefore.describe());
      try (JoinRound round = new JoinRound("ch", env)) {
        activeRound = round;
        round.run(meeting.signalingUrl(), tokens, joinThreads, roundBudget(30));
        activeRound = null;
        reportJoins(round, "child-JVM server");
        Thread.sleep(SETTLE.toMillis());
        ChildServer.ServerHeap serverAfter = child.heap();
        HeapSample clientAfter = HeapSample.measure();
        OUT.printf(
            "server after %d connected + %d s idle: %s%n  server counts %d connected attendees,"
                + " %d media transports%n",
            round.connectedCount(),
            SETTLE.toSeconds(),
            serverAfter.heap().describe(),
            serverAfter.connectedAttendees(),
            serverAfter.mediaTransports());
        OUT.println("client after: " + clientAfter.describe());
        int n = round.connectedCount();
        if (n > 0) {
          double serverHeap =
              (serverAfter.heap().usedHeapBytes() - serverBefore.heap().usedHeapBytes())
                  / (double) n;
          double serverRss =
              (serverAfter.heap().rssBytes() - serverBefore.heap().rssBytes()) / (double) n;
          double clientHeap =
              (clientAfter.usedHeapBytes() - clientBefore.usedHeapBytes()) / (double) n;
          OUT.printf(
              "SERVER heap per idle connected attendee: %.1f KiB (RSS growth per attendee %.1f"
                  + " KiB, includes heap the JVM newly committed)%n",
              serverHeap / 1024, serverRss / 1024);
          OUT.printf(
              "client peers' Java heap per peer (webrtc-java natives not included): %.1f KiB%n",
              clientHeap / 1024);
          summary.add(
              String.format(
                  "SERVER heap per idle connected attendee (server alone in its JVM): %.1f KiB"
                      + " (n=%d; server RSS growth %.1f KiB each)",
                  serverHeap / 1024, n, serverRss / 1024));
        }
        long closing = System.nanoTime();
        round.close();
        OUT.printf("closed the peers in %.1f s%n%n", (System.nanoTime() - closing) / 1e9);
      }
    } finally {
      child.close();
      child = null;
    }
  }

  // ------------------------------------------------------------------ shared

  private void warmUpJoins(String label, ControlApiClient api, PeerEnvironment env)
      throws InterruptedException {
    ControlApiClient.MeetingRef warm = api.createMeeting("bench-" + label);
    List<String> tokens = api.batchCreateAttendees(warm.meetingId(), label, WARM_UP_JOINS);
    try (JoinRound round = new JoinRound(label, env)) {
      round.run(warm.signalingUrl(), tokens, WARM_UP_JOINS, Duration.ofSeconds(30));
      OUT.printf(
          "warm-up: %d joins into another meeting (not counted), %d connected, token→connected"
              + " %s%n",
          WARM_UP_JOINS,
          round.connectedCount(),
          LatencyStats.ofNanos(
                  round.timings().stream().map(JoinTiming::tokenToConnectedNanos).toList())
              .describe());
    }
  }

  private Duration roundBudget(int reserveSeconds) {
    long left = deadline - System.nanoTime() - Duration.ofSeconds(reserveSeconds).toNanos();
    long capped = Math.min(left, Duration.ofSeconds(120).toNanos());
    return Duration.ofNanos(Math.max(Duration.ofSeconds(10).toNanos(), capped));
  }

  private void reportJoins(JoinRound round, String where) {
    List<JoinTiming> timings = round.timings();
    LatencyStats connected =
        LatencyStats.ofNanos(timings.stream().map(JoinTiming::tokenToConnectedNanos).toList());
    OUT.printf(
        "%d of %d joins CONNECTED (%d started); all connected %.2f s after the first start"
            + " (round wall time %.2f s); %d signaling messages received by the clients%n",
        round.connectedCount(),
        joins,
        round.startedCount(),
        round.timeToLastConnected().toNanos() / 1e9,
        round.wallTime().toNanos() / 1e9,
        round.messagesReceived());
    OUT.println(
        "  WebSocket open          "
            + LatencyStats.ofNanos(timings.stream().map(JoinTiming::webSocketOpenNanos).toList())
                .describe());
    OUT.println(
        "  token → joined          "
            + LatencyStats.ofNanos(timings.stream().map(JoinTiming::tokenToJoinedNanos).toList())
                .describe());
    OUT.println(
        "  token → answer          "
            + LatencyStats.ofNanos(timings.stream().map(JoinTiming::tokenToAnswerNanos).toList())
                .describe());
    OUT.println("  token → media CONNECTED " + connected.describe());
    for (Map.Entry<String, Integer> failure : round.failures().entrySet()) {
      OUT.printf("  failed %d×: %s%n", failure.getValue(), failure.getKey());
    }
    summary.add(
        String.format(
            "joins (%s): %d/%d connected in %.1f s; token→connected p50 %.0f ms, p99 %.0f ms,"
                + " max %.0f ms",
            where,
            round.connectedCount(),
            joins,
            round.timeToLastConnected().toNanos() / 1e9,
            connected.p50Millis(),
            connected.p99Millis(),
            connected.maxMillis()));
  }

  private void header() {
    Runtime rt = Runtime.getRuntime();
    OUT.println("Podium join benchmark — " + ZonedDateTime.now());
    OUT.printf(
        "java %s, %d CPUs, max heap %.0f MiB, load average %s%n",
        System.getProperty("java.version"),
        rt.availableProcessors(),
        HeapSample.mib(rt.maxMemory()),
        loadAverage());
    OUT.printf(
        "CreateAttendee calls %d (sequential, then %d threads); joins %d on %d threads; rounds"
            + " %s; time limit %d s%n%n",
        httpCalls, httpThreads, joins, joinThreads, rounds, timeLimitSeconds);
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "n/a";
    }
  }

  private void printSummary(long start) {
    OUT.println("== summary (load average now " + loadAverage() + ")");
    summary.forEach(line -> OUT.println("  " + line));
    OUT.printf("  total run time %.1f s%n", (System.nanoTime() - start) / 1e9);
    OUT.flush();
  }

  /** Ends the JVM when the time limit strikes, after saying so (figures so far are printed). */
  private void startWatchdog() {
    Thread watchdog =
        new Thread(
            () -> {
              try {
                Thread.sleep(Math.max(0, (deadline - System.nanoTime()) / 1_000_000));
              } catch (InterruptedException e) {
                return;
              }
              OUT.printf(
                  "%n!! time limit of %d s reached: results above are partial%n", timeLimitSeconds);
              JoinRound round = activeRound;
              if (round != null) {
                OUT.printf(
                    "join round in progress: %d of %d started, %d CONNECTED so far; token →"
                        + " CONNECTED %s%n",
                    round.startedCount(),
                    joins,
                    round.connectedCount(),
                    LatencyStats.ofNanos(
                            round.timings().stream()
                                .map(JoinTiming::tokenToConnectedNanos)
                                .toList())
                        .describe());
              }
              ChildServer running = child;
              if (running != null) {
                running.kill();
              }
              printSummary(deadline - Duration.ofSeconds(timeLimitSeconds).toNanos());
              Runtime.getRuntime().halt(3);
            },
            "bench-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
  }

  private static String randomKey() {
    byte[] key = new byte[24];
    new SecureRandom().nextBytes(key);
    return "bench-" + HexFormat.of().formatHex(key);
  }
}
