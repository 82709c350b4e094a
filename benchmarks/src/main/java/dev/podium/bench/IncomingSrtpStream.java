package dev.podium.bench;

import dev.podium.media.srtp.SrtpProfile;
import dev.podium.media.srtp.SrtpResult;
import dev.podium.media.srtp.SrtpSession;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayDeque;
import java.util.Random;

/**
 * A publisher's SRTP stream as the server receives it, replayable forever without tripping replay
 * protection (RFC 3711 §3.3.2): a ring of {@link #RING_PACKETS} packets protected once, up front,
 * with consecutive sequence numbers, and a receiving {@link SrtpSession} that is swapped for a
 * fresh one (same keys, no stream state) each time the ring starts over.
 *
 * <p>The fresh sessions are built outside the measurement, in {@link #prepareLaps}, called from an
 * iteration-level setup with a count sized from the laps the previous iteration used; only if an
 * iteration outruns the spares is one built inline (counted in {@link #inlineSessions()}; the key
 * derivation then costs a few microseconds once per {@value #RING_PACKETS} packets).
 */
final class IncomingSrtpStream {
  /** 8,192 × 1,216 bytes ≈ 10 MB: larger than the caches, as socket reads are. */
  static final int RING_PACKETS = 8192;

  static final long SSRC = 0x1234_5678L;

  /**
   * Spare sessions before the first iteration: a 1 s iteration at 0.5 µs per packet needs 123 laps.
   */
  private static final int MIN_SPARES = 256;

  private final SrtpProfile profile;
  private final byte[] masterKey;
  private final byte[] masterSalt;
  private final byte[] ring;
  private final int stride;
  private final ArrayDeque<SrtpSession> spares = new ArrayDeque<>();
  private SrtpSession receiver;
  private int next;
  private long laps;
  private long lapsAtLastPrepare;
  private long inlineSessions;

  IncomingSrtpStream(SrtpProfile profile, long seed) {
    this.profile = profile;
    Random random = new Random(seed);
    masterKey = new byte[profile.keyLength()];
    masterSalt = new byte[profile.saltLength()];
    random.nextBytes(masterKey);
    random.nextBytes(masterSalt);
    stride = Vp8LikePacket.LENGTH + profile.rtpOverhead();
    ring = new byte[RING_PACKETS * stride];
    SrtpSession sender = new SrtpSession(profile, masterKey, masterSalt);
    int firstSeq = random.nextInt(1 << 16);
    for (int n = 0; n < RING_PACKETS; n++) {
      Vp8LikePacket.write(ring, n * stride, SSRC, firstSeq, n, random);
      ByteBuf view = Unpooled.wrappedBuffer(ring, n * stride, stride);
      view.writerIndex(Vp8LikePacket.LENGTH);
      SrtpResult result = sender.protectRtp(view);
      if (result != SrtpResult.OK || view.readableBytes() != stride) {
        throw new IllegalStateException("could not protect the ring: " + result);
      }
    }
    receiver = newReceiver();
  }

  SrtpProfile profile() {
    return profile;
  }

  /** Length of each protected packet. */
  int protectedLength() {
    return stride;
  }

  /**
   * Makes sure at least {@code 2 ×} the laps of the previous iteration (and at least {@value
   * #MIN_SPARES}) have a spare receiving session ready. Not for the measured path.
   */
  void prepareLaps() {
    long used = laps - lapsAtLastPrepare;
    lapsAtLastPrepare = laps;
    long wanted = Math.max(MIN_SPARES, 2 * used);
    while (spares.size() < wanted) {
      spares.add(newReceiver());
    }
  }

  /**
   * Copies the next protected packet into {@code dst} (stands for the socket read into a pooled
   * buffer) and unprotects it in place with the current receiving session.
   */
  SrtpResult receiveInto(ByteBuf dst) {
    if (next == RING_PACKETS) {
      next = 0;
      laps++;
      SrtpSession spare = spares.poll();
      if (spare == null) {
        inlineSessions++;
        spare = newReceiver();
      }
      receiver = spare;
    }
    dst.writeBytes(ring, next * stride, stride);
    next++;
    return receiver.unprotectRtp(dst);
  }

  /** The first packet of the ring, decrypted: a plain RTP packet for the protect baseline. */
  byte[] firstPlainPacket() {
    SrtpSession decryptor = newReceiver();
    ByteBuf copy = Unpooled.copiedBuffer(ring, 0, stride);
    if (decryptor.unprotectRtp(copy) != SrtpResult.OK) {
      throw new IllegalStateException("ring packet does not verify");
    }
    byte[] plain = new byte[copy.readableBytes()];
    copy.readBytes(plain);
    return plain;
  }

  /** Prints (into the fork's output) how often a lap had to build its session inline. */
  void reportInlineSessions() {
    if (inlineSessions > 0) {
      System.out.println(
          "note: "
              + inlineSessions
              + " of "
              + laps
              + " receiving sessions were built inside the measurement");
    }
  }

  private SrtpSession newReceiver() {
    return new SrtpSession(profile, masterKey, masterSalt);
  }
}
