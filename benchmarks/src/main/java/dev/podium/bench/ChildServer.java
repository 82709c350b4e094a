package dev.podium.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The benchmark's handle on a {@link ServerProcess} child JVM (same java, same class path). */
final class ChildServer implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration HEAP_TIMEOUT = Duration.ofSeconds(30);

  private final Process process;
  private final BufferedReader out;
  private final Writer in;
  private final int httpPort;

  /** What {@code HEAP} reports: the sample and the server's own counts. */
  record ServerHeap(HeapSample heap, int connectedAttendees, int mediaTransports) {}

  private ChildServer(String apiKey) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
            java, "-cp", System.getProperty("java.class.path"), ServerProcess.class.getName());
    builder.redirectError(ProcessBuilder.Redirect.INHERIT);
    process = builder.start();
    out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    in.write(apiKey + "\n");
    in.flush();
    List<String> ready = readReply("READY", START_TIMEOUT);
    httpPort = Integer.parseInt(ready.get(1));
  }

  /** Starts the child and waits until it listens. */
  static ChildServer start(String apiKey) throws IOException, InterruptedException {
    return new ChildServer(apiKey);
  }

  int httpPort() {
    return httpPort;
  }

  long pid() {
    return process.pid();
  }

  /** Asks the child to collect garbage and report its memory. */
  ServerHeap heap() throws IOException, InterruptedException {
    in.write("HEAP\n");
    in.flush();
    List<String> fields = readReply("HEAP", HEAP_TIMEOUT);
    return new ServerHeap(
        HeapSample.decode(fields, 1),
        Integer.parseInt(fields.get(7)),
        Integer.parseInt(fields.get(8)));
  }

  /** Reads stdout lines until one starts with {@code prefix}, within {@code timeout}. */
  private List<String> readReply(String prefix, Duration timeout)
      throws IOException, InterruptedException {
    CompletableFuture<String> line =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                String next;
                while ((next = out.readLine()) != null) {
                  if (next.startsWith(prefix + " ")) {
                    return next;
                  }
                }
                throw new IllegalStateException("server process ended (exit " + exitCode() + ")");
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    try {
      return Arrays.asList(line.get(timeout.toMillis(), TimeUnit.MILLISECONDS).split(" "));
    } catch (ExecutionException e) {
      throw new IOException("server process: " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new IOException("server process gave no " + prefix + " within " + timeout, e);
    }
  }

  private String exitCode() {
    try {
      return process.waitFor(2, TimeUnit.SECONDS) ? String.valueOf(process.exitValue()) : "?";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "?";
    }
  }

  /** Asks the child to exit; kills it if it has not within 10 s. */
  @Override
  public void close() {
    try {
      in.write("EXIT\n");
      in.flush();
      in.close();
    } catch (IOException e) {
      // already gone
    }
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  /** Kills the child at once (time limit reached). */
  void kill() {
    process.destroyForcibly();
  }
}
