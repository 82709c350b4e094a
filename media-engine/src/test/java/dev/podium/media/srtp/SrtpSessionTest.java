package dev.podium.media.srtp;

import static dev.podium.media.srtp.TestPackets.bytes;
import static dev.podium.media.srtp.TestPackets.direct;
import static dev.podium.media.srtp.TestPackets.heap;
import static dev.podium.media.srtp.TestPackets.rtcp;
import static dev.podium.media.srtp.TestPackets.rtp;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class SrtpSessionTest {
  private static final int SSRC = 0x1234_5678;

  private static SrtpSession session(SrtpProfile profile) {
    return session(profile, SrtpSession.DEFAULT_REPLAY_WINDOW);
  }

  private static SrtpSession session(SrtpProfile profile, int window) {
    byte[] key = new byte[profile.keyLength()];
    byte[] salt = new byte[profile.saltLength()];
    for (int i = 0; i < key.length; i++) {
      key[i] = (byte) (i + 1);
    }
    for (int i = 0; i < salt.length; i++) {
      salt[i] = (byte) (0x40 + i);
    }
    return new SrtpSession(profile, key, salt, window);
  }

  static Stream<Arguments> profilesAndBuffers() {
    List<Arguments> all = new ArrayList<>();
    for (SrtpProfile profile : SrtpProfile.values()) {
      all.add(Arguments.of(profile, "heap"));
      all.add(Arguments.of(profile, "direct"));
    }
    return all.stream();
  }

  private static Function<byte[], ByteBuf> buffers(String kind) {
    return kind.equals("heap") ? TestPackets::heap : TestPackets::direct;
  }

  @ParameterizedTest
  @MethodSource("profilesAndBuffers")
  void roundTripsRtp(SrtpProfile profile, String kind) {
    SrtpSession sender = session(profile);
    SrtpSession receiver = session(profile);
    byte[] plain = rtp(1000, SSRC, 1200);
    ByteBuf packet = buffers(kind).apply(plain);

    assertThat(sender.protectRtp(packet)).isEqualTo(SrtpResult.OK);
    assertThat(packet.readableBytes()).isEqualTo(plain.length + profile.rtpOverhead());
    assertThat(bytes(packet.slice(0, 12))).isEqualTo(java.util.Arrays.copyOf(plain, 12));
    assertThat(bytes(packet.slice(12, 1200)))
        .isNotEqualTo(java.util.Arrays.copyOfRange(plain, 12, plain.length));

    assertThat(receiver.unprotectRtp(packet)).isEqualTo(SrtpResult.OK);
    assertThat(bytes(packet)).isEqualTo(plain);
  }

  @ParameterizedTest
  @MethodSource("profilesAndBuffers")
  void roundTripsRtcpWithIncreasingEncryptedIndex(SrtpProfile profile, String kind) {
    SrtpSession sender = session(profile);
    SrtpSession receiver = session(profile);
    for (int i = 0; i < 3; i++) {
      byte[] plain = rtcp(SSRC, 52);
      ByteBuf packet = buffers(kind).apply(plain);

      assertThat(sender.protectRtcp(packet)).isEqualTo(SrtpResult.OK);
      assertThat(packet.readableBytes()).isEqualTo(plain.length + profile.rtcpOverhead());
      int indexAt = profile.isAead() ? packet.readableBytes() - 4 : plain.length;
      assertThat(packet.getInt(indexAt)).isEqualTo(0x8000_0000 | i);

      assertThat(receiver.unprotectRtcp(packet)).isEqualTo(SrtpResult.OK);
      assertThat(bytes(packet)).isEqualTo(plain);
    }
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void rejectsTamperedRtpAndKeepsState(SrtpProfile profile) {
    SrtpSession sender = session(profile);
    SrtpSession receiver = session(profile);
    ByteBuf first = heap(rtp(10, SSRC, 100));
    sender.protectRtp(first);
    assertThat(receiver.unprotectRtp(first)).isEqualTo(SrtpResult.OK);
    byte[] genuine = protect(sender, rtp(11, SSRC, 100));

    // header (authenticated), payload, and tag each in turn
    for (int at : new int[] {1, 5, 20, genuine.length - 1}) {
      byte[] tampered = genuine.clone();
      tampered[at] ^= 0x01;
      ByteBuf rejected = heap(tampered);
      assertThat(receiver.unprotectRtp(rejected))
          .as("byte %d", at)
          .isEqualTo(SrtpResult.AUTH_FAILED);
      assertThat(bytes(rejected)).as("left as received").isEqualTo(tampered);
    }
    // a forged far-ahead sequence number must not move the ROC estimate either
    byte[] forged = genuine.clone();
    forged[2] = (byte) 0x90;
    assertThat(receiver.unprotectRtp(heap(forged))).isEqualTo(SrtpResult.AUTH_FAILED);

    ByteBuf packet = heap(genuine);
    assertThat(receiver.unprotectRtp(packet)).isEqualTo(SrtpResult.OK);
    assertThat(bytes(packet)).isEqualTo(rtp(11, SSRC, 100));
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void rejectsTamperedRtcpAndKeepsState(SrtpProfile profile) {
    SrtpSession sender = session(profile);
    SrtpSession receiver = session(profile);
    byte[] genuine = protectRtcp(sender, rtcp(SSRC, 40));

    for (int at = 0; at < genuine.length; at += 7) {
      byte[] tampered = genuine.clone();
      tampered[at] ^= 0x04;
      assertThat(receiver.unprotectRtcp(heap(tampered)))
          .as("byte %d", at)
          .isNotEqualTo(SrtpResult.OK);
    }

    ByteBuf packet = heap(genuine);
    assertThat(receiver.unprotectRtcp(packet)).isEqualTo(SrtpResult.OK);
    assertThat(bytes(packet)).isEqualTo(rtcp(SSRC, 40));
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void rejectsReplayedRtpAndRtcp(SrtpProfile profile) {
    SrtpSession sender = session(profile);
    SrtpSession receiver = session(profile);
    byte[] rtpPacket = protect(sender, rtp(7, SSRC, 50));
    byte[] rtcpPacket = protectRtcp(sender, rtcp(SSRC, 32));

    assertThat(receiver.unprotectRtp(heap(rtpPacket))).isEqualTo(SrtpResult.OK);
    assertThat(receiver.unprotectRtp(heap(rtpPacket))).isEqualTo(SrtpResult.REPLAYED);
    assertThat(receiver.unprotectRtcp(heap(rtcpPacket))).isEqualTo(SrtpResult.OK);
    assertThat(receiver.unprotectRtcp(heap(rtcpPacket))).isEqualTo(SrtpResult.REPLAYED);
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void acceptsReorderingInsideTheWindowAndRejectsOlderPackets(SrtpProfile profile) {
    SrtpSession sender = session(profile, 64);
    SrtpSession receiver = session(profile, 64);
    byte[][] packets = new byte[200][];
    for (int seq = 0; seq < 200; seq++) {
      packets[seq] = protect(sender, rtp(seq, SSRC, 20));
    }

    assertThat(receiver.unprotectRtp(heap(packets[199]))).isEqualTo(SrtpResult.OK);
    assertThat(receiver.unprotectRtp(heap(packets[136]))).isEqualTo(SrtpResult.OK); // 63 behind
    assertThat(receiver.unprotectRtp(heap(packets[135]))).isEqualTo(SrtpResult.REPLAYED);
    assertThat(receiver.unprotectRtp(heap(packets[10]))).isEqualTo(SrtpResult.REPLAYED);
    assertThat(receiver.unprotectRtp(heap(packets[198]))).isEqualTo(SrtpResult.OK);
    assertThat(receiver.unprotectRtp(heap(packets[198]))).isEqualTo(SrtpResult.REPLAYED);
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void senderAndReceiverAgreeOnRolloverAcrossMoreThan65536Packets(SrtpProfile profile) {
    SrtpSession sender = session(profile);
    SrtpSession receiver = session(profile);
    int start = 60_000;
    int count = 70_000; // wraps 65535 -> 0 once, then runs on past the start again
    byte[] previous = null;
    for (int i = 0; i < count; i++) {
      int seq = (start + i) & 0xFFFF;
      byte[] plain = rtp(seq, SSRC, 16);
      byte[] protectedPacket = protect(sender, plain);
      ByteBuf packet;
      if (previous == null) {
        previous = protectedPacket;
        continue;
      }
      // Deliver every pair swapped, so packets arrive out of order around the wrap too.
      packet = heap(protectedPacket);
      assertThat(receiver.unprotectRtp(packet)).as("seq %d", seq).isEqualTo(SrtpResult.OK);
      assertThat(bytes(packet)).isEqualTo(plain);
      ByteBuf late = heap(previous);
      assertThat(receiver.unprotectRtp(late))
          .as("late seq before %d", seq)
          .isEqualTo(SrtpResult.OK);
      previous = null;
    }
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void usesTheRolloverCounterAfterTheWrap(SrtpProfile profile) {
    SrtpSession sender = session(profile);
    protect(sender, rtp(65_535, SSRC, 16));
    byte[] afterWrap = protect(sender, rtp(0, SSRC, 16)); // ROC 1

    // A receiver that never saw the wrap assumes ROC 0 and cannot authenticate it.
    assertThat(session(profile).unprotectRtp(heap(afterWrap))).isEqualTo(SrtpResult.AUTH_FAILED);

    SrtpSession receiver = session(profile);
    byte[] beforeWrap = protect(session(profile), rtp(65_535, SSRC, 16));
    assertThat(receiver.unprotectRtp(heap(beforeWrap))).isEqualTo(SrtpResult.OK);
    assertThat(receiver.unprotectRtp(heap(afterWrap))).isEqualTo(SrtpResult.OK);
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void keepsRolloverAndReplayStatePerSsrc(SrtpProfile profile) {
    SrtpSession sender = session(profile);
    SrtpSession receiver = session(profile);
    for (int ssrc = 1; ssrc <= 40; ssrc++) {
      byte[] packet = protect(sender, rtp(ssrc * 1000, ssrc, 30));
      assertThat(receiver.unprotectRtp(heap(packet))).isEqualTo(SrtpResult.OK);
      assertThat(receiver.unprotectRtp(heap(packet))).isEqualTo(SrtpResult.REPLAYED);
    }
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void protectsAndRestoresPacketsWithCsrcsAndHeaderExtension(SrtpProfile profile) {
    // V=2, X=1, CC=2; two CSRCs; one-byte-header extension of 2 words; 40-byte payload.
    byte[] plain = new byte[12 + 8 + 4 + 8 + 40];
    System.arraycopy(rtp(555, SSRC, 0), 0, plain, 0, 12);
    plain[0] = (byte) 0x92;
    PacketBytes.writeInt(plain, 12, 0xAAAA_0001);
    PacketBytes.writeInt(plain, 16, 0xAAAA_0002);
    plain[20] = (byte) 0xBE;
    plain[21] = (byte) 0xDE;
    plain[23] = 2;
    for (int i = 24; i < plain.length; i++) {
      plain[i] = (byte) i;
    }
    int headerLength = 32;
    SrtpSession sender = session(profile);
    SrtpSession receiver = session(profile);

    ByteBuf packet = heap(plain);
    assertThat(sender.protectRtp(packet)).isEqualTo(SrtpResult.OK);
    assertThat(bytes(packet.slice(0, headerLength)))
        .isEqualTo(java.util.Arrays.copyOf(plain, headerLength));
    assertThat(bytes(packet.slice(headerLength, 40)))
        .isNotEqualTo(java.util.Arrays.copyOfRange(plain, headerLength, plain.length));

    byte[] tampered = bytes(packet);
    tampered[26] ^= 0x10; // inside the extension: authenticated, not encrypted
    assertThat(receiver.unprotectRtp(heap(tampered))).isEqualTo(SrtpResult.AUTH_FAILED);
    assertThat(receiver.unprotectRtp(packet)).isEqualTo(SrtpResult.OK);
    assertThat(bytes(packet)).isEqualTo(plain);
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void rejectsTruncatedAndMalformedPacketsWithoutThrowing(SrtpProfile profile) {
    SrtpSession session = session(profile);
    int tag = profile.rtpAuthTagLength();
    for (int length = 0; length < 12 + tag; length++) {
      assertThat(session.unprotectRtp(heap(new byte[length]))).isEqualTo(SrtpResult.MALFORMED);
      assertThat(session.unprotectRtp(direct(rtp(1, SSRC, 20)).writerIndex(length)))
          .isEqualTo(SrtpResult.MALFORMED);
    }
    for (int length = 0; length < 12; length++) {
      assertThat(session.protectRtp(heap(rtp(1, SSRC, 0)).writerIndex(length)))
          .isEqualTo(SrtpResult.MALFORMED);
    }
    byte[] version1 = rtp(1, SSRC, 40);
    version1[0] = 0x40;
    assertThat(session.protectRtp(heap(version1))).isEqualTo(SrtpResult.MALFORMED);
    byte[] tooManyCsrcs = rtp(1, SSRC, 20 + tag);
    tooManyCsrcs[0] = (byte) 0x8F; // 15 CSRCs = 60 bytes, more than the packet holds
    assertThat(session.protectRtp(heap(tooManyCsrcs))).isEqualTo(SrtpResult.MALFORMED);
    assertThat(session.unprotectRtp(heap(tooManyCsrcs))).isEqualTo(SrtpResult.MALFORMED);
    byte[] longExtension = rtp(1, SSRC, 20 + tag);
    longExtension[0] = (byte) 0x90;
    longExtension[14] = (byte) 0xFF; // extension length 0xFF.. words
    assertThat(session.protectRtp(heap(longExtension))).isEqualTo(SrtpResult.MALFORMED);
    assertThat(session.unprotectRtp(heap(longExtension))).isEqualTo(SrtpResult.MALFORMED);

    for (int length = 0; length < 8 + profile.rtcpOverhead(); length++) {
      assertThat(session.unprotectRtcp(heap(new byte[length]))).isEqualTo(SrtpResult.MALFORMED);
    }
    assertThat(session.protectRtcp(heap(new byte[7]))).isEqualTo(SrtpResult.MALFORMED);
    assertThat(session.protectRtcp(heap(new byte[8]))).isEqualTo(SrtpResult.MALFORMED); // V=0
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void growsTheBufferForTheTagOrReportsNoCapacity(SrtpProfile profile) {
    SrtpSession session = session(profile);
    byte[] plain = rtp(3, SSRC, 100);
    ByteBuf exact = Unpooled.buffer(plain.length).writeBytes(plain);
    assertThat(session.protectRtp(exact)).isEqualTo(SrtpResult.OK);
    assertThat(exact.readableBytes()).isEqualTo(plain.length + profile.rtpOverhead());

    ByteBuf fixed = Unpooled.wrappedBuffer(rtp(4, SSRC, 100));
    assertThat(session.protectRtp(fixed)).isEqualTo(SrtpResult.NO_CAPACITY);
    assertThat(bytes(fixed)).isEqualTo(rtp(4, SSRC, 100));
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void reproducesTheSameBytesWhenAPacketIsRetransmitted(SrtpProfile profile) {
    SrtpSession sender = session(profile);
    byte[] once = protect(sender, rtp(42, SSRC, 64));
    byte[] again = protect(sender, rtp(42, SSRC, 64));
    assertThat(again).isEqualTo(once);
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void protectsFromANonZeroReaderIndex(SrtpProfile profile) {
    SrtpSession sender = session(profile);
    SrtpSession receiver = session(profile);
    byte[] plain = rtp(9, SSRC, 80);
    ByteBuf buf = Unpooled.buffer(256).writeZero(10).writeBytes(plain).readerIndex(10);
    assertThat(sender.protectRtp(buf)).isEqualTo(SrtpResult.OK);
    ByteBuf received = Unpooled.directBuffer(256).writeZero(5).writeBytes(buf).readerIndex(5);
    assertThat(receiver.unprotectRtp(received)).isEqualTo(SrtpResult.OK);
    assertThat(bytes(received)).isEqualTo(plain);
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void forgetsAnSsrcOnRequest(SrtpProfile profile) {
    SrtpSession sender = session(profile);
    SrtpSession receiver = session(profile);
    byte[] packet = protect(sender, rtp(77, SSRC, 30));
    assertThat(receiver.unprotectRtp(heap(packet))).isEqualTo(SrtpResult.OK);
    assertThat(receiver.ssrcCount()).isEqualTo(1);

    receiver.removeSsrc(SSRC);

    assertThat(receiver.ssrcCount()).isZero();
    assertThat(receiver.unprotectRtp(heap(packet))).isEqualTo(SrtpResult.OK);
  }

  private static byte[] protect(SrtpSession sender, byte[] plain) {
    ByteBuf packet = heap(plain);
    assertThat(sender.protectRtp(packet)).isEqualTo(SrtpResult.OK);
    return bytes(packet);
  }

  private static byte[] protectRtcp(SrtpSession sender, byte[] plain) {
    ByteBuf packet = heap(plain);
    assertThat(sender.protectRtcp(packet)).isEqualTo(SrtpResult.OK);
    return bytes(packet);
  }
}
