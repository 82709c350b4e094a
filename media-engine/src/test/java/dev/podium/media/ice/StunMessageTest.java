package dev.podium.media.ice;

import static dev.podium.media.ice.StunMessageRfc5769Test.PASSWORD;
import static dev.podium.media.ice.StunMessageRfc5769Test.SAMPLE_REQUEST;
import static dev.podium.media.ice.StunMessageRfc5769Test.TRANSACTION_ID;
import static dev.podium.media.ice.StunMessageRfc5769Test.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.net.InetSocketAddress;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Decoding rules of RFC 5389 §6/§15 beyond the RFC 5769 samples, and the encoder's messages. */
class StunMessageTest {
  private static final byte[] KEY = "abcdefghijklmnopqrstuvwx".getBytes();

  @Test
  void decodesFromByteBufWithoutMovingIndices() {
    ByteBuf heap = Unpooled.buffer();
    heap.writeBytes(new byte[] {9, 9, 9});
    heap.writeBytes(SAMPLE_REQUEST);
    heap.readerIndex(3);
    ByteBuf direct = Unpooled.directBuffer().writeBytes(SAMPLE_REQUEST);
    try {
      for (ByteBuf buf : new ByteBuf[] {heap, direct}) {
        int reader = buf.readerIndex();
        int writer = buf.writerIndex();

        StunMessage message = StunMessage.decode(buf);

        assertThat(message).isNotNull();
        assertThat(message.username()).contains("evtj:h6vY");
        assertThat(message.verifyIntegrity(PASSWORD)).isTrue();
        assertThat(buf.readerIndex()).isEqualTo(reader);
        assertThat(buf.writerIndex()).isEqualTo(writer);
      }
    } finally {
      heap.release();
      direct.release();
    }
  }

  @Test
  void decodesFromTheMiddleOfAnArray() {
    byte[] padded = new byte[SAMPLE_REQUEST.length + 7];
    System.arraycopy(SAMPLE_REQUEST, 0, padded, 5, SAMPLE_REQUEST.length);

    assertThat(StunMessage.decode(padded, 5, SAMPLE_REQUEST.length)).isNotNull();
    assertThat(StunMessage.decode(padded, 5, SAMPLE_REQUEST.length + 1)).isNull();
    assertThat(StunMessage.decode(padded, 5, padded.length)).isNull();
    assertThat(StunMessage.decode(padded, -1, 20)).isNull();
    assertThat(StunMessage.decode(null, 0, 20)).isNull();
  }

  @Test
  void rejectsWrongMagicCookie() {
    byte[] bytes = SAMPLE_REQUEST.clone();
    bytes[4] = 0x22;
    assertThat(decode(bytes)).isNull();
  }

  @Test
  void rejectsNonZeroTopBits() {
    byte[] bytes = SAMPLE_REQUEST.clone();
    bytes[0] = (byte) 0x80; // RTP/RTCP and DTLS live there, never STUN
    assertThat(decode(bytes)).isNull();
  }

  @Test
  void rejectsLengthNotMatchingTheDatagram() {
    assertThat(decode(Arrays.copyOf(SAMPLE_REQUEST, SAMPLE_REQUEST.length - 4))).isNull();
    assertThat(decode(Arrays.copyOf(SAMPLE_REQUEST, SAMPLE_REQUEST.length + 4))).isNull();
    assertThat(decode(Arrays.copyOf(SAMPLE_REQUEST, 19))).isNull();
  }

  @Test
  void rejectsLengthNotAMultipleOfFour() {
    byte[] bytes = hex("00 01 00 02 21 12 a4 42 00 00 00 00 00 00 00 00 00 00 00 00 00 00");
    assertThat(decode(bytes)).isNull();
  }

  @Test
  void rejectsAttributeRunningPastTheMessage() {
    byte[] bytes =
        hex("00 01 00 08 21 12 a4 42 00 00 00 00 00 00 00 00 00 00 00 00 00 06 00 08 61 62 63 64");
    assertThat(decode(bytes)).isNull();
  }

  @Test
  void rejectsAttributeAfterFingerprint() {
    byte[] request =
        StunMessageEncoder.bindingRequest(TRANSACTION_ID, "a:b", 1, 2, false, KEY.clone());
    byte[] extended = Arrays.copyOf(request, request.length + 8);
    // SOFTWARE "abcd" after FINGERPRINT, header length updated.
    System.arraycopy(hex("80 22 00 04 61 62 63 64"), 0, extended, request.length, 8);
    extended[3] = (byte) (extended.length - 20);
    assertThat(decode(extended)).isNull();
  }

  @Test
  void rejectsKnownAttributesOfTheWrongSize() {
    // PRIORITY with 2 bytes, USE-CANDIDATE with 4 bytes, MESSAGE-INTEGRITY with 4 bytes.
    String header = "00 01 00 08 21 12 a4 42 00 00 00 00 00 00 00 00 00 00 00 00 ";
    assertThat(decode(hex(header + "00 24 00 02 00 01 00 00"))).isNull();
    assertThat(decode(hex(header + "00 25 00 04 00 00 00 00"))).isNull();
    assertThat(decode(hex(header + "00 08 00 04 00 00 00 00"))).isNull();
  }

  @Test
  void skipsUnknownOptionalAttributesAndListsUnknownRequiredOnes() {
    byte[] message =
        new StunMessageWriter(StunMessage.BINDING_REQUEST, TRANSACTION_ID)
            .text(StunAttributeType.USERNAME, "abcd:efgh")
            .attribute(StunAttributeType.GOOG_NETWORK_INFO, hex("00 01 00 0a"))
            .attribute(0x7777, new byte[3])
            .attribute(StunAttributeType.USE_CANDIDATE, new byte[0])
            .messageIntegrity(KEY)
            .fingerprint()
            .toByteArray();

    StunMessage decoded = decode(message);

    assertThat(decoded).isNotNull();
    assertThat(decoded.useCandidate()).isTrue();
    assertThat(decoded.unknownComprehensionRequiredAttributes()).containsExactly(0x7777);
    assertThat(decoded.verifyIntegrity(KEY)).isTrue();
  }

  @Test
  void ignoresAttributesBetweenIntegrityAndFingerprint() {
    byte[] message =
        new StunMessageWriter(StunMessage.BINDING_REQUEST, TRANSACTION_ID)
            .text(StunAttributeType.USERNAME, "abcd:efgh")
            .messageIntegrity(KEY)
            .attribute(StunAttributeType.USE_CANDIDATE, new byte[0])
            .fingerprint()
            .toByteArray();

    StunMessage decoded = decode(message);

    assertThat(decoded.useCandidate()).as("not covered by integrity, so ignored").isFalse();
    assertThat(decoded.verifyIntegrity(KEY)).isTrue();
    assertThat(decoded.hasValidFingerprint()).isTrue();
  }

  @Test
  void usesTheFirstOccurrenceOfARepeatedAttribute() {
    byte[] message =
        new StunMessageWriter(StunMessage.BINDING_REQUEST, TRANSACTION_ID)
            .text(StunAttributeType.USERNAME, "first:one")
            .text(StunAttributeType.USERNAME, "second:one")
            .toByteArray();
    assertThat(decode(message).username()).contains("first:one");
  }

  @Test
  void reportsAbsentFingerprintAsNotValid() {
    byte[] message =
        new StunMessageWriter(StunMessage.BINDING_REQUEST, TRANSACTION_ID)
            .text(StunAttributeType.USERNAME, "abcd:efgh")
            .messageIntegrity(KEY)
            .toByteArray();
    StunMessage decoded = decode(message);
    assertThat(decoded.hasFingerprint()).isFalse();
    assertThat(decoded.hasValidFingerprint()).isFalse();
    assertThat(decoded.verifyIntegrity(KEY)).isTrue();
  }

  @Test
  void detectsTamperedFingerprint() {
    byte[] message = SAMPLE_REQUEST.clone();
    message[message.length - 1] ^= 1;
    StunMessage decoded = decode(message);
    assertThat(decoded.hasValidFingerprint()).isFalse();
    assertThat(decoded.verifyIntegrity(PASSWORD)).as("integrity does not cover it").isTrue();
  }

  @Test
  void encodesBindingRequestThatDecodesAndVerifies() {
    byte[] request =
        StunMessageEncoder.bindingRequest(
            TRANSACTION_ID, "srv1:cli1", 0xFFFFFFFFL, -2L, true, KEY.clone());

    StunMessage decoded = decode(request);

    assertThat(decoded.type()).isEqualTo(StunMessage.BINDING_REQUEST);
    assertThat(decoded.transactionId()).isEqualTo(TRANSACTION_ID);
    assertThat(decoded.username()).contains("srv1:cli1");
    assertThat(decoded.priority()).hasValue(0xFFFFFFFFL);
    assertThat(decoded.iceControlling()).hasValue(-2L);
    assertThat(decoded.iceControlled()).isEmpty();
    assertThat(decoded.useCandidate()).isTrue();
    assertThat(decoded.verifyIntegrity(KEY)).isTrue();
    assertThat(decoded.hasValidFingerprint()).isTrue();
    StunChecksTestSupport.assertSealedIndependently(request, KEY);
  }

  @Test
  void encodesErrorResponsesWithAndWithoutIntegrity() {
    byte[] unauthorized =
        StunMessageEncoder.bindingError(TRANSACTION_ID, 401, "Unauthorized", null);
    byte[] conflict = StunMessageEncoder.bindingError(TRANSACTION_ID, 487, "Role Conflict", KEY);

    StunMessage first = decode(unauthorized);
    assertThat(first.type()).isEqualTo(StunMessage.BINDING_ERROR);
    assertThat(first.errorCode()).hasValue(401);
    assertThat(first.errorReason()).contains("Unauthorized");
    assertThat(first.hasIntegrity()).isFalse();
    assertThat(first.hasValidFingerprint()).isTrue();

    StunMessage second = decode(conflict);
    assertThat(second.errorCode()).hasValue(487);
    assertThat(second.verifyIntegrity(KEY)).isTrue();
    StunChecksTestSupport.assertSealedIndependently(conflict, KEY);
  }

  @Test
  void encodesUnknownAttributesError() {
    byte[] error =
        StunMessageEncoder.unknownAttributesError(TRANSACTION_ID, new int[] {0x7777}, KEY);
    StunMessage decoded = decode(error);
    assertThat(decoded.errorCode()).hasValue(420);
    assertThat(decoded.verifyIntegrity(KEY)).isTrue();
    // UNKNOWN-ATTRIBUTES follows ERROR-CODE: 4 + (4 + 17-byte reason, padded to 24).
    int at = 20 + 4 + 24;
    assertThat(Arrays.copyOfRange(error, at, at + 8)).isEqualTo(hex("00 0a 00 02 77 77 00 00"));
  }

  @Test
  void encoderRejectsBadArguments() {
    InetSocketAddress somewhere = new InetSocketAddress("127.0.0.1", 5000);
    assertThatThrownBy(() -> StunMessageEncoder.bindingSuccess(new byte[11], somewhere, KEY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                StunMessageEncoder.bindingSuccess(
                    TRANSACTION_ID, InetSocketAddress.createUnresolved("example.org", 1), KEY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StunMessageEncoder.bindingError(TRANSACTION_ID, 200, "OK", null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static StunMessage decode(byte[] bytes) {
    return StunMessage.decode(bytes, 0, bytes.length);
  }
}
