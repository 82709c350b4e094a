package dev.podium.bench;

import dev.podium.media.srtp.SrtpProfile;
import dev.podium.media.srtp.SrtpResult;
import dev.podium.media.srtp.SrtpSession;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.security.GeneralSecurityException;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * SRTP protect/unprotect of a 1,200-byte RTP packet (12-byte header + 1,188-byte payload) for both
 * profiles, on heap and on direct Netty buffers, plus a bare JDK AES-GCM baseline.
 *
 * <p>Scheme, so that no {@code @Setup(Level.Invocation)} is needed:
 *
 * <ul>
 *   <li>protect: each invocation refills one reusable buffer from a plain template (a 1.2 KB copy,
 *       included in the figure) and stamps the next sequence number, so the sender's ROC advances
 *       as in real traffic and GCM never sees a repeated IV.
 *   <li>unprotect: setup precomputes a ring of {@value #RING} protected packets with consecutive
 *       sequence numbers. Each invocation copies the next one into the reusable buffer (included)
 *       and unprotects it. When the ring wraps, the receiver forgets the SSRC ({@code removeSsrc},
 *       a few nanoseconds once per lap) so the replay window accepts the lap again.
 *   <li>jdkGcmBaseline: {@code Cipher.init} with a fresh 12-byte IV, 12 bytes of AAD, and {@code
 *       doFinal} of 1,188 bytes from one array into another: the floor our GCM path sits on.
 * </ul>
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SrtpBenchmark -f 1 -wi 3 -i 5 -w 1s -r
 * 2s} (add {@code -prof gc} to see allocation per operation).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SrtpBenchmark {
  static final int PACKET = 1200;
  static final int RING = 1024;
  static final int SSRC = 0x2A2A_2A2A;

  @Param({"AES128_CM_HMAC_SHA1_80", "AEAD_AES_128_GCM"})
  public String profileName;

  @Param({"heap", "direct"})
  public String buffer;

  private SrtpSession sender;
  private SrtpSession receiver;
  private byte[] plain;
  private byte[][] ring;
  private ByteBuf work;
  private int seq;
  private int next;

  @Setup
  public void setUp() throws GeneralSecurityException {
    SrtpProfile profile = SrtpProfile.valueOf(profileName);
    byte[] key = new byte[profile.keyLength()];
    byte[] salt = new byte[profile.saltLength()];
    for (int i = 0; i < key.length; i++) {
      key[i] = (byte) (31 * i + 7);
    }
    for (int i = 0; i < salt.length; i++) {
      salt[i] = (byte) (17 * i + 3);
    }
    sender = new SrtpSession(profile, key, salt);
    receiver = new SrtpSession(profile, key, salt);

    plain = new byte[PACKET];
    plain[0] = (byte) 0x80;
    plain[1] = 96;
    plain[8] = 0x2A;
    plain[9] = 0x2A;
    plain[10] = 0x2A;
    plain[11] = 0x2A;
    for (int i = 12; i < PACKET; i++) {
      plain[i] = (byte) i;
    }
    int capacity = PACKET + 64;
    work = buffer.equals("heap") ? Unpooled.buffer(capacity) : Unpooled.directBuffer(capacity);

    SrtpSession ringSender = new SrtpSession(profile, key, salt);
    ring = new byte[RING][];
    for (int i = 0; i < RING; i++) {
      ByteBuf packet = Unpooled.buffer(capacity).writeBytes(plain);
      packet.setShort(2, i);
      if (ringSender.protectRtp(packet) != SrtpResult.OK) {
        throw new IllegalStateException("protect failed in setup");
      }
      ring[i] = new byte[packet.readableBytes()];
      packet.getBytes(0, ring[i]);
    }
  }

  @Benchmark
  public SrtpResult protectRtp() {
    ByteBuf b = work.clear().writeBytes(plain);
    b.setShort(2, seq++);
    return sender.protectRtp(b);
  }

  @Benchmark
  public SrtpResult unprotectRtp() {
    if (next == RING) {
      next = 0;
      receiver.removeSsrc(SSRC);
    }
    ByteBuf b = work.clear().writeBytes(ring[next++]);
    return receiver.unprotectRtp(b);
  }

  /** The bare JDK AES-GCM baseline; nested so it runs once rather than once per parameter set. */
  @State(Scope.Thread)
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public static class JdkGcm {
    private Cipher gcm;
    private SecretKeySpec key;
    private byte[] iv;
    private byte[] in;
    private byte[] out;
    private long counter;

    @Setup
    public void setUp() throws GeneralSecurityException {
      gcm = Cipher.getInstance("AES/GCM/NoPadding");
      key = new SecretKeySpec(new byte[16], "AES");
      iv = new byte[12];
      in = new byte[PACKET];
      out = new byte[PACKET + 16];
    }

    @Benchmark
    public int jdkGcmEncryptBaseline() throws GeneralSecurityException {
      long c = ++counter;
      for (int i = 0; i < 8; i++) {
        iv[4 + i] = (byte) (c >>> (8 * i));
      }
      gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
      gcm.updateAAD(in, 0, 12);
      return gcm.doFinal(in, 12, PACKET - 12, out, 12);
    }
  }
}
