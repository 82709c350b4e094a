package dev.podium.media.ice;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The RFC 5769 §2.1-§2.3 sample messages: decoding, checksums and byte-exact re-encoding. */
class StunMessageRfc5769Test {
  static final byte[] PASSWORD = "VOkJxbRl1RmTxUk/WvJxBt".getBytes(StandardCharsets.UTF_8);
  static final byte[] TRANSACTION_ID = hex("b7 e7 a7 01 bc 34 d6 86 fa 87 df ae");

  /** RFC 5769 §2.1: request with SOFTWARE, PRIORITY, ICE-CONTROLLED, USERNAME, integrity. */
  static final byte[] SAMPLE_REQUEST =
      hex(
          "00 01 00 58 21 12 a4 42 b7 e7 a7 01 bc 34 d6 86 fa 87 df ae"
              + " 80 22 00 10 53 54 55 4e 20 74 65 73 74 20 63 6c 69 65 6e 74"
              + " 00 24 00 04 6e 00 01 ff"
              + " 80 29 00 08 93 2f f9 b1 51 26 3b 36"
              + " 00 06 00 09 65 76 74 6a 3a 68 36 76 59 20 20 20"
              + " 00 08 00 14 9a ea a7 0c bf d8 cb 56 78 1e f2 b5 b2 d3 f2 49 c1 b5 71 a2"
              + " 80 28 00 04 e5 7a 3b cf");

  /** RFC 5769 §2.2: IPv4 success response, XOR-MAPPED-ADDRESS 192.0.2.1:32853. */
  static final byte[] SAMPLE_IPV4_RESPONSE =
      hex(
          "01 01 00 3c 21 12 a4 42 b7 e7 a7 01 bc 34 d6 86 fa 87 df ae"
              + " 80 22 00 0b 74 65 73 74 20 76 65 63 74 6f 72 20"
              + " 00 20 00 08 00 01 a1 47 e1 12 a6 43"
              + " 00 08 00 14 2b 91 f5 99 fd 9e 90 c3 8c 74 89 f9 2a f9 ba 53 f0 6b e7 d7"
              + " 80 28 00 04 c0 7d 4c 96");

  /** RFC 5769 §2.3: IPv6 success response, [2001:db8:1234:5678:11:2233:4455:6677]:32853. */
  static final byte[] SAMPLE_IPV6_RESPONSE =
      hex(
          "01 01 00 48 21 12 a4 42 b7 e7 a7 01 bc 34 d6 86 fa 87 df ae"
              + " 80 22 00 0b 74 65 73 74 20 76 65 63 74 6f 72 20"
              + " 00 20 00 14 00 02 a1 47 01 13 a9 fa a5 d3 f1 79 bc 25 f4 b5 be d2 b9 d9"
              + " 00 08 00 14 a3 82 95 4e 4b e6 7b f1 17 84 c9 7c 82 92 c2 75 bf e3 ed 41"
              + " 80 28 00 04 c8 fb 0b 4c");

  static final InetSocketAddress IPV4_MAPPED = address("192.0.2.1", 32853);
  static final InetSocketAddress IPV6_MAPPED =
      address("2001:db8:1234:5678:11:2233:4455:6677", 32853);

  @Test
  void decodesSampleRequestFields() {
    StunMessage message = StunMessage.decode(SAMPLE_REQUEST, 0, SAMPLE_REQUEST.length);

    assertThat(message).isNotNull();
    assertThat(message.type()).isEqualTo(StunMessage.BINDING_REQUEST);
    assertThat(message.transactionId()).isEqualTo(TRANSACTION_ID);
    assertThat(message.software()).contains("STUN test client");
    assertThat(message.username()).contains("evtj:h6vY");
    assertThat(message.priority()).hasValue(0x6e0001ffL);
    assertThat(message.iceControlled()).hasValue(0x932ff9b151263b36L);
    assertThat(message.iceControlling()).isEmpty();
    assertThat(message.useCandidate()).isFalse();
    assertThat(message.unknownComprehensionRequiredAttributes()).isEmpty();
  }

  @Test
  void verifiesSampleRequestIntegrityAndFingerprint() {
    StunMessage message = StunMessage.decode(SAMPLE_REQUEST, 0, SAMPLE_REQUEST.length);

    assertThat(message.verifyIntegrity(PASSWORD)).isTrue();
    assertThat(message.verifyIntegrity("VOkJxbRl1RmTxUk/WvJxBT".getBytes(StandardCharsets.UTF_8)))
        .isFalse();
    assertThat(message.hasValidFingerprint()).isTrue();
  }

  @Test
  void decodesSampleIpv4Response() {
    StunMessage message = StunMessage.decode(SAMPLE_IPV4_RESPONSE, 0, SAMPLE_IPV4_RESPONSE.length);

    assertThat(message).isNotNull();
    assertThat(message.type()).isEqualTo(StunMessage.BINDING_SUCCESS);
    assertThat(message.transactionId()).isEqualTo(TRANSACTION_ID);
    assertThat(message.software()).contains("test vector");
    assertThat(message.xorMappedAddress()).contains(IPV4_MAPPED);
    assertThat(message.verifyIntegrity(PASSWORD)).isTrue();
    assertThat(message.hasValidFingerprint()).isTrue();
  }

  @Test
  void decodesSampleIpv6Response() {
    StunMessage message = StunMessage.decode(SAMPLE_IPV6_RESPONSE, 0, SAMPLE_IPV6_RESPONSE.length);

    assertThat(message).isNotNull();
    assertThat(message.type()).isEqualTo(StunMessage.BINDING_SUCCESS);
    assertThat(message.xorMappedAddress()).contains(IPV6_MAPPED);
    assertThat(message.verifyIntegrity(PASSWORD)).isTrue();
    assertThat(message.hasValidFingerprint()).isTrue();
  }

  @Test
  void writerReproducesSampleResponsesByteForByte() {
    // RFC 5769 pads with spaces; with that padding byte the writer must match exactly, which
    // pins XOR-MAPPED-ADDRESS, the integrity length adjustment and the fingerprint.
    for (var sample :
        new Object[][] {{SAMPLE_IPV4_RESPONSE, IPV4_MAPPED}, {SAMPLE_IPV6_RESPONSE, IPV6_MAPPED}}) {
      byte[] encoded =
          new StunMessageWriter(StunMessage.BINDING_SUCCESS, TRANSACTION_ID)
              .paddingByte(' ')
              .text(StunAttributeType.SOFTWARE, "test vector")
              .xorAddress(StunAttributeType.XOR_MAPPED_ADDRESS, (InetSocketAddress) sample[1])
              .messageIntegrity(PASSWORD)
              .fingerprint()
              .toByteArray();
      assertThat(encoded).isEqualTo((byte[]) sample[0]);
    }
  }

  @Test
  void writerReproducesSampleRequestByteForByte() {
    byte[] encoded =
        new StunMessageWriter(StunMessage.BINDING_REQUEST, TRANSACTION_ID)
            .paddingByte(' ')
            .text(StunAttributeType.SOFTWARE, "STUN test client")
            .u32(StunAttributeType.PRIORITY, 0x6e0001ffL)
            .u64(StunAttributeType.ICE_CONTROLLED, 0x932ff9b151263b36L)
            .text(StunAttributeType.USERNAME, "evtj:h6vY")
            .messageIntegrity(PASSWORD)
            .fingerprint()
            .toByteArray();

    assertThat(encoded).isEqualTo(SAMPLE_REQUEST);
  }

  @Test
  void encoderSuccessResponseCarriesTheSampleXorMappedAddresses() {
    byte[] v4 = StunMessageEncoder.bindingSuccess(TRANSACTION_ID, IPV4_MAPPED, PASSWORD);
    byte[] v6 = StunMessageEncoder.bindingSuccess(TRANSACTION_ID, IPV6_MAPPED, PASSWORD);

    // The XOR-MAPPED-ADDRESS attribute follows SOFTWARE (20 + 16 bytes) in the samples.
    assertThat(Arrays.copyOfRange(v4, 20, 32))
        .isEqualTo(Arrays.copyOfRange(SAMPLE_IPV4_RESPONSE, 36, 48));
    assertThat(Arrays.copyOfRange(v6, 20, 44))
        .isEqualTo(Arrays.copyOfRange(SAMPLE_IPV6_RESPONSE, 36, 60));
    StunChecksTestSupport.assertSealedIndependently(v4, PASSWORD);
    StunChecksTestSupport.assertSealedIndependently(v6, PASSWORD);
  }

  static byte[] hex(String text) {
    String[] parts = text.trim().split("\\s+");
    byte[] bytes = new byte[parts.length];
    for (int i = 0; i < parts.length; i++) {
      bytes[i] = (byte) Integer.parseInt(parts[i], 16);
    }
    return bytes;
  }

  static InetSocketAddress address(String literal, int port) {
    try {
      return new InetSocketAddress(InetAddress.getByName(literal), port);
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError(e);
    }
  }
}
