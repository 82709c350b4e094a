package dev.podium.loadkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Vp8PayloadTest {

  @Test
  void recognisesKeyFrameStartWithExtendedDescriptor() {
    // X=1 S=1 PID=0 | I=1 | M=1 picture id 15 bits | payload header P=0
    byte[] payload = {(byte) 0x90, (byte) 0x80, (byte) 0x81, 0x23, 0x10, 0x02, 0x00};
    assertThat(Vp8Payload.startsKeyFrame(payload, 0, payload.length)).isTrue();
  }

  @Test
  void recognisesKeyFrameStartWithShortDescriptor() {
    byte[] payload = {0x10, 0x50, 0x01};
    assertThat(Vp8Payload.startsKeyFrame(payload, 0, payload.length)).isTrue();
  }

  @Test
  void skipsTl0PicIdxAndTidBytes() {
    // X=1 S=1 | I=1 L=1 T=1 | 7-bit picture id | TL0PICIDX | TID | payload header
    byte[] interFrame = {(byte) 0x90, (byte) 0xE0, 0x05, 0x00, 0x00, 0x01};
    byte[] keyFrame = {(byte) 0x90, (byte) 0xE0, 0x05, 0x01, 0x01, 0x00};
    assertThat(Vp8Payload.startsKeyFrame(interFrame, 0, interFrame.length)).isFalse();
    assertThat(Vp8Payload.startsKeyFrame(keyFrame, 0, keyFrame.length)).isTrue();
  }

  @Test
  void rejectsInterFramesContinuationsAndOtherPartitions() {
    byte[] interFrame = {0x10, 0x01};
    byte[] continuation = {0x00, 0x00};
    byte[] partitionOne = {0x11, 0x00};
    assertThat(Vp8Payload.startsKeyFrame(interFrame, 0, 2)).isFalse();
    assertThat(Vp8Payload.startsKeyFrame(continuation, 0, 2)).isFalse();
    assertThat(Vp8Payload.startsKeyFrame(partitionOne, 0, 2)).isFalse();
  }

  @Test
  void rejectsTruncatedDescriptors() {
    byte[] truncated = {(byte) 0x90, (byte) 0x80, (byte) 0x81};
    assertThat(Vp8Payload.startsKeyFrame(truncated, 0, truncated.length)).isFalse();
    assertThat(Vp8Payload.startsKeyFrame(new byte[0], 0, 0)).isFalse();
  }

  @Test
  void readsAtAnOffset() {
    byte[] packet = {9, 9, 9, 0x10, 0x00};
    assertThat(Vp8Payload.startsKeyFrame(packet, 3, 2)).isTrue();
  }
}
