package dev.podium.loadkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.OperatingSystemMXBean;
import dev.podium.server.boot.PodiumServer;
import dev.podium.server.boot.ServerConfig;
import dev.podium.server.meeting.MeetingLimits;
import dev.podium.testkit.PeerEnvironment;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * How many light viewers one JVM handles against one real publisher: joins {@code
 * -Dloadkit.viewers=N} viewers (8 joins at a time), checks that every one decrypts audio and video,
 * and prints the time to join them all and the CPU used (whole process, and the light peers' own
 * threads) while joining and in 10 s of steady state. The figures are printed, not asserted; the
 * run is opt-in because it takes minutes on a shared two-core machine.
 */
@EnabledIfSystemProperty(named = "loadkit.viewers", matches = "\\d+")
class LightViewerScaleTest {
  private static final String KEY = "loadkit-scale-key-0123456789";
  private static final int PARALLEL_JOINS = 8;
  private static final Duration STEADY = Duration.ofSeconds(10);

  @Test
  void manyLightViewersReceiveFromOnePublisher() throws Exception {
    int count = Integer.getInteger("loadkit.viewers");
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    // The default allows 250 connected attendees per meeting; the publisher is one more.
    ServerConfig config =
        ServerConfig.ephemeral(KEY)
            .withLimits(
                MeetingLimits.DEFAULTS.withMaxConnectedAttendees(
                    Math.max(count + 1, MeetingLimits.DEFAULTS.maxConnectedAttendees())));
    try (PodiumServer server = PodiumServer.start(config);
        PeerEnvironment peers = PeerEnvironment.create();
        LightPeerEngine engine = LightPeerEngine.start()) {
      ControlApi api = new ControlApi(server.httpPort(), KEY);
      ControlApi.Meeting meeting = api.createMeeting("light-scale");
      String publisherToken = api.createAttendees(meeting, "publisher", 1).get(0);
      List<String> tokens = api.createAttendees(meeting, "viewer", count);
      List<LightViewer> viewers = Collections.synchronizedList(new ArrayList<>());
      ExecutorService joiners = Executors.newFixedThreadPool(PARALLEL_JOINS);
      try (Publisher ignored =
          Publisher.publish(
              peers.newPeer("publisher").sendAudio(440).sendVideo(320, 180, 15, 1).build(),
              meeting.signalingUrl(),
              publisherToken)) {
        Map<String, Long> groups0 = cpuByThreadGroup(threads);
        long cpu0 = os.getProcessCpuTime();
        long light0 = lightPeerCpu(threads);
        long t0 = System.nanoTime();
        List<Future<?>> joins = new ArrayList<>();
        for (String token : tokens) {
          joins.add(
              joiners.submit(
                  () ->
                      viewers.add(
                          LightViewer.join(
                              engine, meeting.signalingUrl(), token, 1, Duration.ofSeconds(30)))));
        }
        for (Future<?> join : joins) {
          join.get(120, TimeUnit.SECONDS);
        }
        long answered = System.nanoTime();
        int withMedia = 0;
        for (LightViewer viewer : viewers) {
          if (viewer.awaitMedia(10, 10, Duration.ofSeconds(30))) {
            withMedia++;
          }
        }
        long allMedia = System.nanoTime();
        long cpuJoin = os.getProcessCpuTime() - cpu0;
        Map<String, Long> groupsJoin = cpuByThreadGroup(threads);
        groupsJoin.replaceAll((group, cpu) -> cpu - groups0.getOrDefault(group, 0L));
        long lightJoin = lightPeerCpu(threads) - light0;

        long cpu1 = os.getProcessCpuTime();
        long light1 = lightPeerCpu(threads);
        long before = totalPackets(viewers);
        Thread.sleep(STEADY.toMillis());
        long packets = totalPackets(viewers) - before;
        long cpuSteady = os.getProcessCpuTime() - cpu1;
        long lightSteady = lightPeerCpu(threads) - light1;

        long[] joinToMedia =
            viewers.stream()
                .mapToLong(v -> v.peer().joinToMediaNanos() / 1_000_000)
                .sorted()
                .toArray();
        long authFailures = viewers.stream().mapToLong(v -> v.peer().stats().authFailures()).sum();
        long pictureLoss =
            viewers.stream().mapToLong(v -> v.peer().stats().pictureLossSent()).sum();
        long lost =
            viewers.stream()
                .flatMap(v -> v.peer().stats().streams().stream())
                .mapToLong(StreamStats::lost)
                .sum();
        System.out.printf(
            "%n=== light viewer scale: %d viewers, 1 publisher (320x180@15 VP8 + Opus), %d cores ===%n"
                + "all answered in %.1f s, all with media in %.1f s (%d/%d with audio+video+key"
                + " frame)%n"
                + "join → first decrypted RTP: median %d ms, p95 %d ms, max %d ms%n"
                + "CPU while joining: process %.1f s (%.0f%% of one core), light-peer threads %.1f s%n"
                + "CPU steady state over %d s: process %.0f%% of one core, light-peer threads %.0f%%;"
                + " %d packets/s decrypted (%.1f µs CPU each in the light peers)%n"
                + "SRTP auth failures %d, RTP packets lost %d, PLIs sent %d, heap used %d MB%n%n",
            count,
            os.getAvailableProcessors(),
            (answered - t0) / 1e9,
            (allMedia - t0) / 1e9,
            withMedia,
            count,
            joinToMedia[joinToMedia.length / 2],
            joinToMedia[(int) (joinToMedia.length * 0.95)],
            joinToMedia[joinToMedia.length - 1],
            cpuJoin / 1e9,
            100.0 * cpuJoin / (allMedia - t0),
            lightJoin / 1e9,
            STEADY.toSeconds(),
            100.0 * cpuSteady / STEADY.toNanos(),
            100.0 * lightSteady / STEADY.toNanos(),
            packets / STEADY.toSeconds(),
            packets == 0 ? 0 : lightSteady / 1e3 / packets,
            authFailures,
            lost,
            pictureLoss,
            (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
        System.out.println("CPU s while joining by thread group (top 8): " + top(groupsJoin, 8));
        assertThat(withMedia).isEqualTo(count);
        assertThat(authFailures).isZero();
      } finally {
        joiners.shutdownNow();
        viewers.forEach(LightViewer::close);
      }
    }
  }

  /** Thread CPU summed by name with trailing digits and dashes removed (pools grouped). */
  private static Map<String, Long> cpuByThreadGroup(ThreadMXBean threads) {
    Map<String, Long> groups = new HashMap<>();
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null) {
        long cpu = threads.getThreadCpuTime(info.getThreadId());
        if (cpu > 0) {
          groups.merge(info.getThreadName().replaceAll("[-\\d]+$", ""), cpu, Long::sum);
        }
      }
    }
    return groups;
  }

  private static String top(Map<String, Long> groups, int n) {
    StringBuilder text = new StringBuilder();
    groups.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(n)
        .forEach(e -> text.append(String.format("%s=%.1f ", e.getKey(), e.getValue() / 1e9)));
    return text.toString().trim();
  }

  private static long totalPackets(List<LightViewer> viewers) {
    synchronized (viewers) {
      return viewers.stream()
          .mapToLong(v -> v.peer().stats().audioPackets() + v.peer().stats().videoPackets())
          .sum();
    }
  }

  /** CPU time of the engine's threads (receive loop, timer, DTLS pool). */
  private static long lightPeerCpu(ThreadMXBean threads) {
    long total = 0;
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null && info.getThreadName().startsWith("light-peer-")) {
        long cpu = threads.getThreadCpuTime(info.getThreadId());
        if (cpu > 0) {
          total += cpu;
        }
      }
    }
    return total;
  }
}
