package dev.podium.media.rtp;

import static dev.podium.media.rtp.RtpPacketTest.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.UnpooledByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RtpExtensionMapTest {
  /** Heap buffers without leak tracking: tests drop their buffers to the garbage collector. */
  private static final UnpooledByteBufAllocator HEAP = new UnpooledByteBufAllocator(false, true);

  private static final RtpExtensionMap MAP =
      RtpExtensionMap.of(
          Map.of(
              RtpExtensionMap.MID, 1,
              RtpExtensionMap.RID, 2,
              RtpExtensionMap.REPAIRED_RID, 3,
              RtpExtensionMap.ABS_SEND_TIME, 4,
              RtpExtensionMap.TRANSPORT_CC, 5,
              RtpExtensionMap.AUDIO_LEVEL, 6));

  private static RtpPacket packetWithAllExtensions() {
    RtpExtensionSet set = new RtpExtensionSet();
    set.add(1, "video0".getBytes(StandardCharsets.US_ASCII));
    set.add(2, new byte[] {'h', 'i', 0}); // trailing NUL padding is not part of the rid
    set.add(3, "lo".getBytes(StandardCharsets.US_ASCII));
    set.add(4, new byte[] {0x12, 0x34, 0x56});
    set.add(5, new byte[] {(byte) 0xBE, (byte) 0xEF});
    set.add(6, new byte[] {(byte) 0x85});
    RtpPacket plain = RtpPacket.wrap(hex("80600001 00000002 00000003 00"));
    return RtpPacket.wrap(set.rebuild(plain, HEAP));
  }

  @Test
  void readsTypedExtensions() {
    RtpPacket packet = packetWithAllExtensions();
    assertThat(MAP.mid(packet)).isEqualTo("video0");
    assertThat(MAP.rid(packet)).isEqualTo("hi");
    assertThat(MAP.repairedRid(packet)).isEqualTo("lo");
    assertThat(MAP.absSendTime(packet)).isEqualTo(0x123456);
    assertThat(MAP.transportSequenceNumber(packet)).isEqualTo(0xBEEF);
    int level = MAP.audioLevel(packet);
    assertThat(RtpExtensionMap.voiceActivity(level)).isTrue();
    assertThat(RtpExtensionMap.levelDbov(level)).isEqualTo(5);
  }

  @Test
  void reportsAbsentExtensions() {
    RtpPacket packet = packetWithAllExtensions();
    RtpExtensionMap none = RtpExtensionMap.empty();
    assertThat(none.mid(packet)).isNull();
    assertThat(none.rid(packet)).isNull();
    assertThat(none.absSendTime(packet)).isEqualTo(-1);
    assertThat(none.transportSequenceNumber(packet)).isEqualTo(-1);
    assertThat(none.audioLevel(packet)).isEqualTo(-1);
    assertThat(none.setTransportSequenceNumber(packet, 1)).isFalse();
    RtpPacket plain = RtpPacket.wrap(hex("80600001 00000002 00000003"));
    assertThat(MAP.mid(plain)).isNull();
    assertThat(MAP.transportSequenceNumber(plain)).isEqualTo(-1);
  }

  @Test
  void rewritesTransportSequenceAndAbsSendTimeInPlace() {
    RtpPacket packet = packetWithAllExtensions();
    assertThat(MAP.setTransportSequenceNumber(packet, 0x10001)).isTrue();
    assertThat(MAP.setAbsSendTime(packet, 0xABCDEF)).isTrue();
    assertThat(MAP.transportSequenceNumber(packet)).isEqualTo(1);
    assertThat(MAP.absSendTime(packet)).isEqualTo(0xABCDEF);
    assertThat(MAP.mid(packet)).isEqualTo("video0");
  }

  @Test
  void convertsAbsSendTimeFixedPoint() {
    assertThat(RtpExtensionMap.absSendTimeMicros(1 << 18)).isEqualTo(1_000_000);
    assertThat(RtpExtensionMap.absSendTimeMicros(3 << 17)).isEqualTo(1_500_000);
    assertThat(RtpExtensionMap.absSendTimeFromMicros(1_500_000)).isEqualTo(3 << 17);
    assertThat(RtpExtensionMap.absSendTimeFromMicros(65_000_000)).isEqualTo(1 << 18);
    assertThat(RtpExtensionMap.absSendTimeMicros(0xFFFFFF)).isBetween(63_999_990L, 64_000_000L);
  }

  @Test
  void mapsUrisAndIdsBothWaysAndRejectsBadIds() {
    assertThat(MAP.id(RtpExtensionMap.TRANSPORT_CC)).isEqualTo(5);
    assertThat(MAP.uri(5)).isEqualTo(RtpExtensionMap.TRANSPORT_CC);
    assertThat(MAP.id("urn:unknown")).isEqualTo(-1);
    assertThat(MAP.id(null)).isEqualTo(-1);
    assertThat(MAP.uri(0)).isNull();
    assertThat(MAP.uri(300)).isNull();
    assertThatThrownBy(() -> RtpExtensionMap.of(Map.of("a", 0)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RtpExtensionMap.of(Map.of("a", 256)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RtpExtensionMap.of(Map.of("a", 3, "b", 3)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
