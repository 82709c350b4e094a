package dev.podium.bench;

import dev.podium.media.routing.MediaKind;
import dev.podium.media.routing.Producer;
import dev.podium.media.routing.Router;
import dev.podium.media.rtp.RtpPacket;
import dev.podium.media.srtp.SrtpProfile;
import dev.podium.media.srtp.SrtpResult;
import dev.podium.media.srtp.SrtpSession;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of the media engine's receive → route → send path for one incoming video packet, fanned out
 * to {@code subscribers} = 1, 10 or 100 subscribers, with the two crypto baselines measured in the
 * same run so the routing overhead can be read off:
 *
 * <pre>
 *   routing overhead = route − (receive + subscribers × protect)
 *   per forwarded packet = route / subscribers
 * </pre>
 *
 * <p><b>{@link #route}</b> runs what {@code MediaSession} and {@code WebRtcTransport} do per
 * packet, without sockets: a 1,200-byte VP8-like RTP packet (RFC 7741 descriptor, abs-send-time and
 * transport-cc one-byte extensions), SRTP-protected with the {@code profile} under test, is copied
 * into a pooled direct buffer from {@link ByteBufAllocator#DEFAULT} (what Netty's datagram read
 * gives; stands for the socket read), {@link SrtpSession#unprotectRtp unprotected} in place, parsed
 * with {@link RtpPacket#reset}, looked up by SSRC in a {@code HashMap<Long, Route>} as {@code
 * MediaSession} does, and handed to {@link Producer#onRtp} (layer 0). Each of the {@code
 * subscribers} consumers (made with {@link Router#createConsumer}) rewrites the header into a new
 * pooled buffer and gives it to its own {@link ProtectingSink}, which protects it with that
 * subscriber's own {@link SrtpSession}, counts the bytes and releases the buffer (stands for the
 * socket write). Not included: the RFC 7983 classifier, the ICE address check, transport-cc
 * feedback generation, Netty's datagram pipeline and the syscalls.
 *
 * <p><b>{@link #receive}</b> (baseline a) is the receive side alone: pooled buffer, copy,
 * unprotect, release. <b>{@link #protect}</b> (baseline b) is one protect of a 1,200-byte packet
 * already in a pooled direct buffer (re-protecting the same buffer: AES cost does not depend on the
 * bytes). So the routing overhead is: RTP parse, route lookup, and per subscriber the pooled
 * allocation, the 1.2 kB copy and header rewrite in {@code Consumer}, the sink call and the
 * release.
 *
 * <p><b>Replay protection.</b> The receiving session rejects a sequence number it has seen (RFC
 * 3711 §3.3.2), so every invocation needs a new authentic packet. Generating one per invocation
 * with a sending session would put a second protect inside the measurement, to be subtracted using
 * a baseline measured in another fork: on a shared two-core machine that subtraction is noisier
 * than the thing measured. Instead {@link IncomingSrtpStream} protects a ring of 8,192 packets with
 * consecutive sequence numbers once, at trial setup, and swaps in a fresh receiving session (same
 * keys) each time the ring starts over. An iteration runs millions of invocations, so a ring
 * covering a whole iteration would need gigabytes; the fresh sessions are built outside the
 * measurement, in an iteration-level setup. The 10 MB ring also keeps the source of the "socket
 * read" out of the caches, as a real socket's is.
 *
 * <p><b>Statistic.</b> The mode is {@link Mode#SampleTime} and the figure to read is the median
 * (p0.50) of single invocations. The machine these run on is shared (two cores, several builds at
 * once): an average over wall time absorbs every millisecond the thread sat descheduled (a 0.7 µs
 * protect showed a 30 µs mean beside a 0.7 µs median), while the median of single packets does not.
 * Each sample includes one timer read pair (tens of ns), once in each of the three benchmarks, so
 * the derived overhead is low by about {@code subscribers ×} that. {@link RouteFigures} turns the
 * CSV of a run into the derived table.
 *
 * <p>Every iteration checks that no packet was dropped and that each subscriber got every packet,
 * so a broken path fails the run instead of reporting a fast number.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar RouteBenchmark -f 1 -wi 3 -i 5 -w 1s -r
 * 2s} (see docs/benchmarks.md).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RouteBenchmark {
  /** Netty's datagram read buffer size in {@code UdpEndpoint}. */
  private static final int DATAGRAM_BUFFER = 2048;

  /** The publisher's stream arriving at the server; baseline (a) on its own. */
  @State(Scope.Thread)
  public static class Receive {
    @Param({"AEAD_AES_128_GCM", "AES128_CM_HMAC_SHA1_80"})
    public SrtpProfile profile;

    IncomingSrtpStream stream;
    ByteBufAllocator allocator;
    long drops;

    @Setup(Level.Trial)
    public void createStream() {
      BenchLogging.quiet();
      allocator = ByteBufAllocator.DEFAULT;
      stream = new IncomingSrtpStream(profile, 42);
    }

    @Setup(Level.Iteration)
    public void prepareLaps() {
      stream.prepareLaps();
    }

    @TearDown(Level.Iteration)
    public void checkNothingDropped() {
      if (drops != 0) {
        throw new IllegalStateException(drops + " incoming packets were dropped");
      }
    }

    @TearDown(Level.Trial)
    public void reportInlineSessions() {
      stream.reportInlineSessions();
    }
  }

  /** One subscriber's SRTP context and a forwarded packet; baseline (b) on its own. */
  @State(Scope.Thread)
  public static class Send {
    @Param({"AEAD_AES_128_GCM", "AES128_CM_HMAC_SHA1_80"})
    public SrtpProfile profile;

    SrtpSession session;
    ByteBuf packet;
    int seq;
    long failures;

    @Setup(Level.Trial)
    public void createSession() {
      BenchLogging.quiet();
      session = newSubscriberSession(profile, new Random(7));
      byte[] plain = new IncomingSrtpStream(profile, 42).firstPlainPacket();
      packet = ByteBufAllocator.DEFAULT.buffer(plain.length + 32);
      packet.writeBytes(plain);
      seq = packet.getUnsignedShort(2);
    }

    @TearDown(Level.Iteration)
    public void checkNothingFailed() {
      if (failures != 0) {
        throw new IllegalStateException(failures + " protects failed");
      }
    }

    @TearDown(Level.Trial)
    public void release() {
      packet.release();
    }
  }

  /** A router with one video producer and {@code subscribers} consumers of it. */
  @State(Scope.Thread)
  public static class Fanout {
    @Param({"AEAD_AES_128_GCM", "AES128_CM_HMAC_SHA1_80"})
    public SrtpProfile profile;

    @Param({"1", "10", "100"})
    public int subscribers;

    IncomingSrtpStream stream;
    ByteBufAllocator allocator;
    final RtpPacket packet = new RtpPacket();
    final Map<Long, Route> routes = new HashMap<>();
    final ProtectingSink.Tally tally = new ProtectingSink.Tally();
    Router router;
    long incoming;
    long drops;
    private long packetsAtIterationStart;
    private long incomingAtIterationStart;

    @Setup(Level.Trial)
    public void createRouter() {
      BenchLogging.quiet();
      allocator = ByteBufAllocator.DEFAULT;
      stream = new IncomingSrtpStream(profile, 42);
      router = new Router("bench", System::currentTimeMillis);
      ProtectingSink publisher = new ProtectingSink(null, allocator, tally);
      Producer producer =
          router.createProducer(MediaKind.VIDEO, "publisher", "0", List.of(), publisher);
      producer.setLayerSsrc(0, IncomingSrtpStream.SSRC);
      routes.put(IncomingSrtpStream.SSRC, new Route(producer, 0));
      Random random = new Random(7);
      for (int i = 0; i < subscribers; i++) {
        ProtectingSink sink =
            new ProtectingSink(newSubscriberSession(profile, random), allocator, tally);
        router.createConsumer(
            "subscriber-" + i + "/0",
            producer,
            sink,
            0x1000_0000L + i,
            Vp8LikePacket.PAYLOAD_TYPE,
            0,
            () -> {});
      }
    }

    @Setup(Level.Iteration)
    public void prepareLaps() {
      stream.prepareLaps();
      packetsAtIterationStart = tally.packets;
      incomingAtIterationStart = incoming;
    }

    @TearDown(Level.Iteration)
    public void checkEverySubscriberGotEveryPacket() {
      long forwarded = tally.packets - packetsAtIterationStart;
      long expected = (incoming - incomingAtIterationStart) * subscribers;
      if (drops != 0 || tally.failures != 0 || forwarded != expected) {
        throw new IllegalStateException(
            "dropped "
                + drops
                + ", failed protects "
                + tally.failures
                + ", forwarded "
                + forwarded
                + " of "
                + expected);
      }
    }

    @TearDown(Level.Trial)
    public void closeRouter() {
      stream.reportInlineSessions();
      router.close();
    }
  }

  /** What {@code MediaSession} keeps per incoming SSRC. */
  record Route(Producer producer, int layer) {}

  /**
   * Receive → route → send of one incoming packet to every subscriber. Returns the bytes sent so
   * far.
   */
  @Benchmark
  public long route(Fanout s) {
    s.incoming++;
    ByteBuf in = s.allocator.ioBuffer(DATAGRAM_BUFFER);
    try {
      if (s.stream.receiveInto(in) != SrtpResult.OK || !s.packet.reset(in)) {
        s.drops++;
        return 0;
      }
      Route route = s.routes.get(s.packet.ssrc());
      if (route == null) {
        s.drops++;
        return 0;
      }
      route.producer().onRtp(route.layer(), s.packet);
      s.packet.clear();
    } finally {
      in.release();
    }
    return s.tally.bytes;
  }

  /** Baseline (a): pooled buffer, copy of the incoming packet, unprotect, release. */
  @Benchmark
  public int receive(Receive s) {
    ByteBuf in = s.allocator.ioBuffer(DATAGRAM_BUFFER);
    try {
      if (s.stream.receiveInto(in) != SrtpResult.OK) {
        s.drops++;
      }
      return in.writerIndex();
    } finally {
      in.release();
    }
  }

  /** Baseline (b): one SRTP protect of a 1,200-byte RTP packet in a pooled direct buffer. */
  @Benchmark
  public int protect(Send s) {
    ByteBuf packet = s.packet;
    packet.writerIndex(Vp8LikePacket.LENGTH);
    packet.setShort(2, ++s.seq);
    packet.ensureWritable(s.session.profile().rtpOverhead());
    if (s.session.protectRtp(packet) != SrtpResult.OK) {
      s.failures++;
    }
    return packet.writerIndex();
  }

  private static SrtpSession newSubscriberSession(SrtpProfile profile, Random random) {
    byte[] key = new byte[profile.keyLength()];
    byte[] salt = new byte[profile.saltLength()];
    random.nextBytes(key);
    random.nextBytes(salt);
    return new SrtpSession(profile, key, salt);
  }
}
