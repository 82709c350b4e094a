package dev.podium.media.ice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.media.ice.IceCheckResult.Status;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Garbage, truncated and mutated datagrams go through decode and the agent without an exception,
 * and no mutation of the integrity-protected part of a valid check is ever accepted.
 */
class StunFuzzTest {
  private static final IceCredentials SERVER =
      new IceCredentials("srvUfrag", "serverPasswordIs24Chars+");
  private static final InetSocketAddress FROM = new InetSocketAddress("127.0.0.1", 40000);
  private static final long SEED = 0x5EED_1CE;

  private final AtomicLong clock = new AtomicLong();

  @Test
  void randomBuffersNeverThrow() {
    Random random = new Random(SEED);
    IceLiteAgent agent = new IceLiteAgent(SERVER, clock::get);
    int decoded = 0;
    for (int i = 0; i < 5_000; i++) {
      byte[] bytes = new byte[random.nextInt(200)];
      random.nextBytes(bytes);
      if (i % 2 == 0 && bytes.length >= 20) {
        // Make half of them pass the header checks so the attribute walk gets exercised.
        bytes[0] &= 0x3F;
        bytes[2] = 0;
        bytes[3] = (byte) ((bytes.length - 20) & ~3);
        bytes = Arrays.copyOf(bytes, 20 + (bytes[3] & 0xFF));
        System.arraycopy(new byte[] {0x21, 0x12, (byte) 0xA4, 0x42}, 0, bytes, 4, 4);
      }
      StunMessage message = feed(agent, bytes);
      if (message != null) {
        decoded++;
      }
    }
    assertThat(decoded).as("the header-shaped half reaches the attribute walk").isPositive();
  }

  @Test
  void truncatedChecksNeverThrowAndAreRefused() {
    IceLiteAgent agent = new IceLiteAgent(SERVER, clock::get);
    byte[] request = validRequest(new Random(SEED));
    int withoutFingerprint = request.length - 8;
    for (int length = 0; length < request.length; length++) {
      byte[] truncated = Arrays.copyOf(request, length);
      assertThat(StunMessage.decode(truncated, 0, length)).isNull();
      // Also with the header length patched to match, so the walk meets a cut attribute.
      if (length >= 20) {
        truncated[2] = (byte) ((length - 20) >>> 8);
        truncated[3] = (byte) (length - 20);
        Status status = agent.onBindingRequest(feed(agent, truncated), FROM).status();
        if (length == withoutFingerprint) {
          // Dropping FINGERPRINT alone leaves an intact, authenticated check (tolerated).
          assertThat(status).isEqualTo(Status.ACCEPTED);
        } else {
          assertThat(status).as("cut at %d", length).isNotEqualTo(Status.ACCEPTED);
        }
      }
    }
  }

  @Test
  void mutatedChecksNeverThrowAndAreNeverAcceptedWhenProtectedBytesChange() {
    Random random = new Random(SEED);
    IceLiteAgent agent = new IceLiteAgent(SERVER, clock::get);
    int reachedAgent = 0;
    for (int i = 0; i < 5_000; i++) {
      byte[] original = validRequest(random);
      byte[] mutated = original.clone();
      int mutations = 1 + random.nextInt(3);
      for (int m = 0; m < mutations; m++) {
        int at = random.nextInt(mutated.length);
        mutated[at] = (byte) (mutated[at] ^ (1 + random.nextInt(255)));
      }
      StunMessage message = feed(agent, mutated);
      if (message == null) {
        continue;
      }
      reachedAgent++;
      Status status = agent.onBindingRequest(message, FROM).status();
      // Everything but the trailing FINGERPRINT attribute is covered by MESSAGE-INTEGRITY.
      int protectedEnd = original.length - 8;
      boolean protectedChanged =
          !Arrays.equals(original, 0, protectedEnd, mutated, 0, protectedEnd);
      if (protectedChanged) {
        assertThat(status).as("mutation %d", i).isNotEqualTo(Status.ACCEPTED);
      }
    }
    assertThat(reachedAgent).as("mutations that still decode reach the agent").isGreaterThan(500);
  }

  @Test
  void unmutatedChecksAreAccepted() {
    Random random = new Random(SEED);
    IceLiteAgent agent = new IceLiteAgent(SERVER, clock::get);
    for (int i = 0; i < 100; i++) {
      byte[] request = validRequest(random);
      assertThat(agent.onBindingRequest(feed(agent, request), FROM).status())
          .isEqualTo(Status.ACCEPTED);
    }
  }

  /** Decodes through both entry points, hands the result to the agent, returns the message. */
  private static StunMessage feed(IceLiteAgent agent, byte[] bytes) {
    StunMessage fromArray = StunMessage.decode(bytes, 0, bytes.length);
    ByteBuf buf = Unpooled.wrappedBuffer(bytes);
    try {
      StunMessage fromBuf = StunMessage.decode(buf);
      assertThat(fromBuf == null).isEqualTo(fromArray == null);
    } finally {
      buf.release();
    }
    IceCheckResult result = agent.onBindingRequest(fromArray, FROM);
    assertThat(result).isNotNull();
    if (fromArray != null) {
      fromArray.verifyIntegrity(SERVER.key());
      fromArray.hasValidFingerprint();
      fromArray.username();
      fromArray.xorMappedAddress();
    }
    return fromArray;
  }

  private static byte[] validRequest(Random random) {
    byte[] transactionId = new byte[12];
    random.nextBytes(transactionId);
    return StunMessageEncoder.bindingRequest(
        transactionId,
        "srvUfrag:cliUfrag",
        random.nextInt() & 0xFFFFFFFFL,
        random.nextLong(),
        random.nextBoolean(),
        SERVER.key());
  }
}
