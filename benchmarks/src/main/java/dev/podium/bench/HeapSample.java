package dev.podium.bench;

import java.io.IOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The memory of this JVM after forced garbage collection: used and committed Java heap, JDK direct
 * buffers, Netty's own direct memory counter, the process's resident set and its thread count.
 *
 * @param usedHeapBytes heap in use after the collections (what live objects take)
 * @param committedHeapBytes heap the JVM has reserved from the OS
 * @param directBytes JDK direct byte buffers in use ({@code BufferPoolMXBean} "direct")
 * @param nettyDirectBytes Netty's counter of direct memory it allocated itself, or -1 if untracked
 * @param rssBytes resident set size from /proc/self/status, or -1
 * @param threads live threads
 */
record HeapSample(
    long usedHeapBytes,
    long committedHeapBytes,
    long directBytes,
    long nettyDirectBytes,
    long rssBytes,
    int threads) {

  /** How many System.gc() calls and how long to let each settle. */
  private static final int COLLECTIONS = 4;

  private static final long SETTLE_MILLIS = 200;

  /** Forces a few full collections, then samples. */
  static HeapSample measure() {
    for (int i = 0; i < COLLECTIONS; i++) {
      System.gc();
      try {
        Thread.sleep(SETTLE_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    long direct = 0;
    for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
      if (pool.getName().equals("direct")) {
        direct = pool.getMemoryUsed();
      }
    }
    return new HeapSample(
        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(),
        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted(),
        direct,
        nettyDirect(),
        rss(),
        ManagementFactory.getThreadMXBean().getThreadCount());
  }

  private static long nettyDirect() {
    try {
      return io.netty.util.internal.PlatformDependent.usedDirectMemory();
    } catch (RuntimeException | LinkageError e) {
      return -1;
    }
  }

  private static long rss() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      // not Linux: unknown
    }
    return -1;
  }

  /** Space-separated fields, for the child server's stdout protocol. */
  String encode() {
    return usedHeapBytes
        + " "
        + committedHeapBytes
        + " "
        + directBytes
        + " "
        + nettyDirectBytes
        + " "
        + rssBytes
        + " "
        + threads;
  }

  /** Parses {@link #encode()}'s six fields starting at {@code from}. */
  static HeapSample decode(List<String> fields, int from) {
    return new HeapSample(
        Long.parseLong(fields.get(from)),
        Long.parseLong(fields.get(from + 1)),
        Long.parseLong(fields.get(from + 2)),
        Long.parseLong(fields.get(from + 3)),
        Long.parseLong(fields.get(from + 4)),
        Integer.parseInt(fields.get(from + 5)));
  }

  /** "heap used … MiB (committed … MiB), direct … MiB, RSS … MiB, … threads". */
  String describe() {
    return String.format(
        "heap used %.1f MiB (committed %.1f MiB), JDK direct %.1f MiB%s, RSS %s, %d threads",
        mib(usedHeapBytes),
        mib(committedHeapBytes),
        mib(directBytes),
        nettyDirectBytes < 0 ? "" : String.format(", Netty direct %.1f MiB", mib(nettyDirectBytes)),
        rssBytes < 0 ? "n/a" : String.format("%.1f MiB", mib(rssBytes)),
        threads);
  }

  static double mib(long bytes) {
    return bytes / (1024.0 * 1024.0);
  }
}
