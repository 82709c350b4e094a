package dev.podium.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.media.net.DropReason;
import dev.podium.media.net.MediaCounters;
import dev.podium.testkit.PeerEnvironment;
import dev.podium.testkit.ReceivedVideo;
import dev.podium.testkit.TestPeer;
import io.netty.buffer.Unpooled;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Throws random and mutated datagrams at the media port while real peers exchange media: the
 * pipeline must drop and count every one, forward none, and keep the peers' media flowing.
 */
class HostileInputTest {
  private static final int HOSTILE_DATAGRAMS = 100_000;
  private static final int FORGED_FROM_BOUND_ADDRESS = 10_000;

  @Test
  void hostileDatagramsAreDroppedAndCountedWhileMediaFlows() throws Exception {
    try (MediaEngineHarness harness = new MediaEngineHarness();
        PeerEnvironment peers = PeerEnvironment.create()) {
      TestPeer publisher =
          peers.newPeer("publisher").sendAudio(440).sendVideo(320, 180, 30, 1).build();
      MediaEngineHarness.Published published = harness.publish(publisher);
      TestPeer receiver = peers.newPeer("receiver").receiveAudio(1).receiveVideo(1).build();
      harness.subscribe(receiver, published.producers());
      ReceivedVideo video = receiver.receivedVideo().get(0);
      video.awaitFrames(10, Duration.ofSeconds(10));

      MediaCounters counters = harness.engine.counters();
      long unboundBefore = unboundDrops(counters);
      long forgedBefore = forgedDrops(counters);
      long framesBefore = video.frameCount();
      long started = System.nanoTime();

      Random random = new Random(7);
      InetSocketAddress target = harness.engine.localAddress();
      try (DatagramSocket attacker = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
        for (int i = 0; i < HOSTILE_DATAGRAMS; i++) {
          byte[] datagram = hostile(random, i);
          attacker.send(new DatagramPacket(datagram, datagram.length, target));
          if (i % 200 == 199) {
            Thread.sleep(2); // stay under the socket buffer: every datagram must be counted
          }
        }
      }
      // Forged SRTP "from" the publisher's own (ICE-bound) address: must fail authentication.
      InetSocketAddress bound = published.session().transport().remoteAddress().orElseThrow();
      for (int i = 0; i < FORGED_FROM_BOUND_ADDRESS; i++) {
        harness.inject(Unpooled.wrappedBuffer(forgedRtp(random, i)), bound);
      }

      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (System.nanoTime() < deadline
          && (unboundDrops(counters) - unboundBefore < HOSTILE_DATAGRAMS
              || forgedDrops(counters) - forgedBefore < FORGED_FROM_BOUND_ADDRESS)) {
        Thread.sleep(20);
      }
      assertThat(unboundDrops(counters) - unboundBefore)
          .as(
              "every datagram from the unbound address dropped and counted: %s",
              counters.dropSnapshot())
          .isEqualTo(HOSTILE_DATAGRAMS);
      assertThat(forgedDrops(counters) - forgedBefore)
          .as("every forged packet from the bound address refused: %s", counters.dropSnapshot())
          .isGreaterThanOrEqualTo(FORGED_FROM_BOUND_ADDRESS);
      assertThat(counters.internalErrors()).as("exceptions caught in the pipeline").isZero();

      // The peers' media kept flowing throughout and after.
      video.awaitFrames(framesBefore + 30, Duration.ofSeconds(10));
      assertThat(video.largestGapBetween(started, System.nanoTime()))
          .isLessThan(Duration.ofSeconds(1));
    }
  }

  private static long unboundDrops(MediaCounters counters) {
    return counters.drops(DropReason.UNKNOWN_PROTOCOL)
        + counters.drops(DropReason.MALFORMED_STUN)
        + counters.drops(DropReason.BAD_STUN_CREDENTIALS)
        + counters.drops(DropReason.UNBOUND_ADDRESS);
  }

  private static long forgedDrops(MediaCounters counters) {
    return counters.drops(DropReason.SRTP_AUTH_FAILED)
        + counters.drops(DropReason.SRTP_REPLAY)
        + counters.drops(DropReason.MALFORMED_RTP);
  }

  /** One of: garbage, truncated or forged STUN, DTLS-, RTP- or RTCP-looking datagrams. */
  private static byte[] hostile(Random random, int i) {
    return switch (i % 8) {
      case 0 -> randomBytes(random, 1 + random.nextInt(1400));
      case 1 -> stunLike(random, true);
      case 2 -> stunLike(random, false);
      case 3 -> withFirstByte(random, 20 + random.nextInt(44), 1 + random.nextInt(300)); // DTLS
      case 4 -> forgedRtp(random, i);
      case 5 -> rtcpLike(random);
      case 6 -> truncate(random, forgedRtp(random, i));
      default -> withFirstByte(random, random.nextInt(256), random.nextInt(3)); // 0..2 bytes
    };
  }

  private static byte[] randomBytes(Random random, int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }

  private static byte[] withFirstByte(Random random, int first, int length) {
    byte[] bytes = randomBytes(random, Math.max(length, 1));
    bytes[0] = (byte) first;
    return bytes;
  }

  private static byte[] truncate(Random random, byte[] bytes) {
    byte[] shorter = new byte[random.nextInt(bytes.length)];
    System.arraycopy(bytes, 0, shorter, 0, shorter.length);
    return shorter.length == 0 ? new byte[] {(byte) 0x80} : shorter;
  }

  /** A binding request with a plausible header; credentials are random (cannot be known). */
  private static byte[] stunLike(Random random, boolean wellFormedHeader) {
    int attributes = 4 * random.nextInt(40);
    ByteBuffer b = ByteBuffer.allocate(20 + attributes);
    b.putShort((short) 0x0001).putShort((short) attributes).putInt(0x2112A442);
    b.put(randomBytes(random, 12 + attributes));
    byte[] bytes = b.array();
    if (!wellFormedHeader) {
      return truncate(random, bytes);
    }
    if (attributes >= 12) {
      // USERNAME attribute with random "ufrag:ufrag" so the lookup path runs.
      bytes[20] = 0x00;
      bytes[21] = 0x06;
      bytes[22] = 0x00;
      bytes[23] = 0x08;
    }
    return bytes;
  }

  /** A valid-looking RTP packet (V=2, Opus/VP8 payload types) with random payload and tag. */
  static byte[] forgedRtp(Random random, int seq) {
    byte[] bytes = randomBytes(random, 12 + 20 + random.nextInt(1100));
    bytes[0] = (byte) 0x80;
    bytes[1] = (byte) (random.nextBoolean() ? 96 : 111);
    bytes[2] = (byte) (seq >> 8);
    bytes[3] = (byte) seq;
    return bytes;
  }

  private static byte[] rtcpLike(Random random) {
    byte[] bytes = randomBytes(random, 8 + 4 * random.nextInt(30));
    bytes[0] = (byte) 0x81;
    bytes[1] = (byte) (200 + random.nextInt(7));
    return bytes;
  }
}
