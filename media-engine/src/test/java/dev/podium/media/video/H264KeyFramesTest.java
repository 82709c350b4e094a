package dev.podium.media.video;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class H264KeyFramesTest {
  private static boolean key(int... bytes) {
    byte[] b = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      b[i] = (byte) bytes[i];
    }
    return H264KeyFrames.isKeyFrameStart(Unpooled.wrappedBuffer(b), 0, b.length);
  }

  @Test
  void findsIdrSpsStapAAndFuAStart() {
    assertThat(key(0x65, 0x88)).as("IDR").isTrue();
    assertThat(key(0x67, 0x42)).as("SPS").isTrue();
    assertThat(key(0x41, 0x9A)).as("non-IDR slice").isFalse();
    assertThat(key(0x78, 0x00, 0x02, 0x68, 0xCE, 0x00, 0x01, 0x65)).as("STAP-A PPS+IDR").isTrue();
    assertThat(key(0x78, 0x00, 0x02, 0x41, 0x9A)).as("STAP-A non-IDR").isFalse();
    assertThat(key(0x7C, 0x85, 0x00)).as("FU-A start of IDR").isTrue();
    assertThat(key(0x7C, 0x05, 0x00)).as("FU-A middle of IDR").isFalse();
    assertThat(key()).isFalse();
  }
}
