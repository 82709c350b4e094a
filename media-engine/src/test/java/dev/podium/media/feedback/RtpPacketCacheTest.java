package dev.podium.media.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class RtpPacketCacheTest {
  @Test
  void returnsStoredPacketsUntilTooOldOrOverwritten() {
    RtpPacketCache cache = new RtpPacketCache();
    ByteBuf packet = Unpooled.wrappedBuffer(new byte[] {1, 2, 3, 4});
    cache.store(7, packet, 0, 4, 1_000);
    assertThat(ByteBufUtilBytes.of(cache.get(7, 1_500))).containsExactly(1, 2, 3, 4);
    assertThat(cache.get(8, 1_500)).isNull();
    assertThat(cache.get(7, 1_000 + RtpPacketCache.MAX_AGE_MILLIS + 1)).isNull();
    cache.store(7 + RtpPacketCache.CAPACITY, Unpooled.wrappedBuffer(new byte[] {9}), 0, 1, 1_100);
    assertThat(cache.get(7, 1_100)).as("slot reused by a newer packet").isNull();
    assertThat(ByteBufUtilBytes.of(cache.get(7 + RtpPacketCache.CAPACITY, 1_100)))
        .containsExactly(9);
  }

  /** Reads a buffer's readable bytes. */
  static final class ByteBufUtilBytes {
    static byte[] of(ByteBuf b) {
      byte[] out = new byte[b.readableBytes()];
      b.getBytes(b.readerIndex(), out);
      return out;
    }
  }
}
