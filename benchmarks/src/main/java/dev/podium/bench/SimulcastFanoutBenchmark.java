package dev.podium.bench;

import dev.podium.media.routing.Consumer;
import dev.podium.media.routing.MediaKind;
import dev.podium.media.routing.Producer;
import dev.podium.media.routing.Router;
import dev.podium.media.rtp.RtpPacket;
import dev.podium.media.srtp.SrtpProfile;
import dev.podium.media.srtp.SrtpSession;
import dev.podium.media.video.VideoCodec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
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
 * Simulcast forwarding cost: 3 VP8 publishers × 2 layers (320x180, 640x360) fanned out to 250
 * subscribers, each subscribing to all three publishers; even subscribers ask for a small tile (low
 * layer), odd ones for a large tile (high layer), so each incoming packet is forwarded to 125
 * consumers. One invocation hands one plain 1,200-byte packet of one stream (round robin over the
 * six) to its {@link Producer}: layer bookkeeping, keyframe detection, the retransmission cache
 * copy, then per consumer the layer check, header + VP8 picture id rewrite into a new pooled buffer
 * with a transport-cc element, the NACK history record, and the sink. With {@code sink=protect} the
 * sink SRTP-protects with the subscriber's own AEAD_AES_128_GCM session (as {@code WebRtcTransport}
 * does); with {@code sink=count} it only counts and releases, which isolates the routing cost.
 * Receive-side decryption is not included (it is once per incoming packet, see {@link
 * RouteBenchmark}).
 *
 * <pre>
 *   µs per forwarded packet = median invocation time / 125
 *   forwarded packets per second per core = 1 / that
 * </pre>
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SimulcastFanoutBenchmark -f 1 -wi 3 -i
 * 5 -w 1s -r 2s} (see docs/benchmarks.md).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SimulcastFanoutBenchmark {
  static final int PUBLISHERS = 3;
  static final int LAYERS = 2;
  static final int SUBSCRIBERS = 250;
  static final int PACKET_LENGTH = 1200;
  static final int TRANSPORT_CC_ID = 3;

  /** The router, its producers and consumers, and one packet per stream rewritten in place. */
  @State(Scope.Thread)
  public static class Fanout {
    @Param({"protect", "count"})
    public String sink;

    Router router;
    final List<Producer> producers = new ArrayList<>();
    final List<Consumer> consumers = new ArrayList<>();
    final ProtectingSink.Tally tally = new ProtectingSink.Tally();
    final ByteBuf[] packets = new ByteBuf[PUBLISHERS * LAYERS];
    final RtpPacket view = new RtpPacket();
    int[] seq = new int[PUBLISHERS * LAYERS];
    int[] pictureId = new int[PUBLISHERS * LAYERS];
    long invocations;
    long forwardedAtStart;
    long invocationsAtStart;

    @Setup(Level.Trial)
    public void createRouter() {
      BenchLogging.quiet();
      router = new Router("bench", System::currentTimeMillis);
      ProtectingSink publisher = new ProtectingSink(null, ByteBufAllocator.DEFAULT, tally);
      for (int p = 0; p < PUBLISHERS; p++) {
        Producer producer =
            router.createProducer(
                MediaKind.VIDEO, "publisher" + p, "0", List.of("0", "1"), publisher);
        producer.setCodec(VideoCodec.VP8);
        producers.add(producer);
        for (int layer = 0; layer < LAYERS; layer++) {
          producer.setLayerSsrc(layer, ssrc(p, layer));
          packets[p * LAYERS + layer] = plainPacket(ssrc(p, layer));
        }
      }
      Random random = new Random(7);
      for (int s = 0; s < SUBSCRIBERS; s++) {
        SrtpSession session = null;
        if (sink.equals("protect")) {
          byte[] key = new byte[SrtpProfile.AEAD_AES_128_GCM.keyLength()];
          byte[] salt = new byte[SrtpProfile.AEAD_AES_128_GCM.saltLength()];
          random.nextBytes(key);
          random.nextBytes(salt);
          session = new SrtpSession(SrtpProfile.AEAD_AES_128_GCM, key, salt);
        }
        TransportCcSink out = new TransportCcSink(session, tally);
        for (int p = 0; p < PUBLISHERS; p++) {
          Consumer consumer =
              router.createConsumer(
                  "subscriber-" + s + "/" + p,
                  producers.get(p),
                  out,
                  0x1000_0000L + s * 8L + p,
                  96,
                  1,
                  () -> {});
          boolean small = s % 2 == 0;
          consumer.setPreferences(1, small ? 320 : 640, small ? 180 : 360);
          consumers.add(consumer);
        }
      }
      // Start every stream with a keyframe; once the resolutions are known and the consumers
      // have re-chosen (every 100 ms), a second round lets each switch to its layer.
      for (int i = 0; i < packets.length; i++) {
        send(i, true);
      }
      try {
        Thread.sleep(150);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      for (int i = 0; i < packets.length; i++) {
        send(i, true);
      }
    }

    void send(int stream, boolean keyFrame) {
      ByteBuf b = packets[stream];
      int p = 12;
      b.setShort(2, seq[stream]++);
      b.setInt(4, 3000 * (seq[stream] / 4));
      int pid = pictureId[stream]++;
      b.setShort(p + 2, 0x8000 | (pid & 0x7FFF));
      b.setByte(p + 5, keyFrame ? 0x10 : 0x11);
      int width = stream % LAYERS == 0 ? 320 : 640;
      b.setShortLE(p + 11, width);
      b.setShortLE(p + 13, width * 9 / 16);
      view.reset(b);
      producers.get(stream / LAYERS).onRtp(stream % LAYERS, view);
      view.clear();
    }

    @Setup(Level.Iteration)
    public void mark() {
      forwardedAtStart = tally.packets;
      invocationsAtStart = invocations;
    }

    @TearDown(Level.Iteration)
    public void checkFanout() {
      long forwarded = tally.packets - forwardedAtStart;
      long expected = (invocations - invocationsAtStart) * SUBSCRIBERS / 2;
      if (tally.failures != 0 || forwarded != expected) {
        throw new IllegalStateException("forwarded " + forwarded + " of " + expected);
      }
    }

    @TearDown(Level.Trial)
    public void close() {
      router.close();
    }
  }

  static long ssrc(int publisher, int layer) {
    return 0x5000_0000L + publisher * 16L + layer;
  }

  /** 12-byte header, VP8 descriptor (X, S, I, L, 15-bit picture id, TL0PICIDX), keyframe header. */
  static ByteBuf plainPacket(long ssrc) {
    ByteBuf b = Unpooled.directBuffer(PACKET_LENGTH);
    b.writeByte(0x80).writeByte(96).writeShort(0).writeInt(0).writeInt((int) ssrc);
    b.writeByte(0x90).writeByte(0xC0).writeShort(0x8000).writeByte(0);
    b.writeByte(0x10).writeByte(0x02).writeByte(0x00);
    b.writeByte(0x9D).writeByte(0x01).writeByte(0x2A).writeShortLE(640).writeShortLE(360);
    byte[] filler = new byte[PACKET_LENGTH - b.writerIndex()];
    new Random(ssrc).nextBytes(filler);
    b.writeBytes(filler);
    return b;
  }

  /** A subscriber connection: fills in the transport-cc number as MediaSession does, then sinks. */
  static final class TransportCcSink extends ProtectingSinkAdapter {
    private final RtpPacket view = new RtpPacket();
    private int transportSequence;

    TransportCcSink(SrtpSession session, ProtectingSink.Tally tally) {
      super(session, tally);
    }

    @Override
    public void sendRtp(ByteBuf rtp) {
      if (view.reset(rtp)) {
        view.setExtensionValue(TRANSPORT_CC_ID, transportSequence++ & 0xFFFF);
        view.clear();
      }
      super.sendRtp(rtp);
    }

    @Override
    public int transportCcExtensionId() {
      return TRANSPORT_CC_ID;
    }
  }

  /** One incoming packet of the next stream (round robin) through its producer to its consumers. */
  @Benchmark
  public long forward(Fanout s) {
    int stream = (int) (s.invocations++ % (PUBLISHERS * LAYERS));
    s.send(stream, false);
    return s.tally.packets;
  }
}
