package dev.podium.media.video;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class Vp8PayloadDescriptorTest {
  private final Vp8PayloadDescriptor d = new Vp8PayloadDescriptor();

  @Test
  void readsPictureIdTl0AndKeyFrameSize() {
    ByteBuf p = Vp8TestPackets.packet(1, 10, 1000, 0x1234, 77, true, 640, 360, 20);
    assertThat(d.parse(p, 12, p.readableBytes() - 12)).isTrue();
    assertThat(d.pictureId()).isEqualTo(0x1234);
    assertThat(d.pictureIdBits()).isEqualTo(15);
    assertThat(d.tl0PicIdx()).isEqualTo(77);
    assertThat(d.length()).isEqualTo(5);
    assertThat(d.isKeyFrameStart()).isTrue();
    assertThat(d.width()).isEqualTo(640);
    assertThat(d.height()).isEqualTo(360);
  }

  @Test
  void interframeIsNoKeyFrame() {
    ByteBuf p = Vp8TestPackets.packet(1, 10, 1000, 5, 1, false, 0, 0, 20);
    assertThat(d.parse(p, 12, p.readableBytes() - 12)).isTrue();
    assertThat(d.isKeyFrameStart()).isFalse();
    assertThat(d.width()).isZero();
  }

  @Test
  void laterPartitionIsNoKeyFrameEvenWithPBitClear() {
    // S=1 but partition index 1: the byte after the descriptor is not a payload header.
    ByteBuf p = Unpooled.wrappedBuffer(new byte[] {(byte) 0x91, (byte) 0x80, 0x05, 0x00, 0x00});
    assertThat(d.parse(p, 0, 5)).isTrue();
    assertThat(d.partitionIndex()).isEqualTo(1);
    assertThat(d.isKeyFrameStart()).isFalse();
  }

  @Test
  void rewritesFifteenAndSevenBitPictureIdsInPlaceAndRoundTrips() {
    ByteBuf p = Vp8TestPackets.packet(1, 10, 1000, 0x7FFF, 255, false, 0, 0, 4);
    d.parse(p, 12, p.readableBytes() - 12);
    d.writePictureId(p, 12, 0x7FFF + 3); // wraps to 2
    d.writeTl0PicIdx(p, 12, 256 + 9); // wraps to 9
    assertThat(d.parse(p, 12, p.readableBytes() - 12)).isTrue();
    assertThat(d.pictureId()).isEqualTo(2);
    assertThat(d.tl0PicIdx()).isEqualTo(9);

    ByteBuf seven = Unpooled.wrappedBuffer(new byte[] {(byte) 0x90, (byte) 0x80, 0x7F, 0x01});
    d.parse(seven, 0, 4);
    assertThat(d.pictureIdBits()).isEqualTo(7);
    assertThat(d.pictureId()).isEqualTo(127);
    d.writePictureId(seven, 0, 128);
    d.parse(seven, 0, 4);
    assertThat(d.pictureId()).isZero();
    assertThat(seven.getUnsignedByte(2) & 0x80).as("M bit stays clear").isZero();
  }

  @Test
  void rejectsTruncatedDescriptors() {
    assertThat(d.parse(Unpooled.wrappedBuffer(new byte[] {(byte) 0x80}), 0, 1)).isFalse();
    assertThat(d.parse(Unpooled.wrappedBuffer(new byte[] {(byte) 0x80, (byte) 0x80}), 0, 2))
        .isFalse();
    assertThat(
            d.parse(
                Unpooled.wrappedBuffer(new byte[] {(byte) 0x80, (byte) 0x80, (byte) 0x80}), 0, 3))
        .isFalse();
    assertThat(d.parse(Unpooled.buffer(), 0, 0)).isFalse();
  }
}
