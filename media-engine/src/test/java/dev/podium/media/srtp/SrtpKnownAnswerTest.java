package dev.podium.media.srtp;

import static dev.podium.media.srtp.TestPackets.bytes;
import static dev.podium.media.srtp.TestPackets.heap;
import static dev.podium.media.srtp.TestPackets.hex;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Known-answer tests: RFC 3711 Appendix B.2, RFC 7714 §16, and the reference packets of libsrtp's
 * srtp_driver (srtp_validate / srtp_validate_gcm), which exercise KDF + transform end to end.
 */
class SrtpKnownAnswerTest {

  // --- RFC 3711 Appendix B.2: AES-CM keystream, through the SRTP IV construction (SSRC 0, i 0).

  @Test
  void producesRfc3711AppendixB2KeystreamForSsrcZeroIndexZero() {
    byte[] zeros = new byte[20];
    SrtpSessionKeys keys =
        new SrtpSessionKeys(
            hex("2B7E151628AED2A6ABF7158809CF4F3C"),
            hex("F0F1F2F3F4F5F6F7F8F9FAFBFCFD"),
            zeros,
            hex("2B7E151628AED2A6ABF7158809CF4F3C"),
            hex("F0F1F2F3F4F5F6F7F8F9FAFBFCFD"),
            zeros);
    SrtpSession session = new SrtpSession(SrtpProfile.AES128_CM_HMAC_SHA1_80, keys, 1024);
    int segment = 1_044_512; // 65282 AES blocks, as in the RFC
    byte[] packet = new byte[12 + segment];
    packet[0] = (byte) 0x80; // V=2, seq 0, SSRC 0 -> IV = salt * 2^16
    ByteBuf buf = heap(packet);

    assertThat(session.protectRtp(buf)).isEqualTo(SrtpResult.OK);

    byte[] keystream = new byte[segment];
    buf.getBytes(12, keystream);
    assertThat(hex(java.util.Arrays.copyOfRange(keystream, 0, 48)))
        .isEqualToIgnoringCase(
            "E03EAD0935C95E80E166B16DD92B4EB4"
                + "D23513162B02D0F72A43A2FE4A5F97AB"
                + "41E95B3BB0A2E8DD477901E4FCA894C0");
    assertThat(hex(java.util.Arrays.copyOfRange(keystream, segment - 48, segment)))
        .isEqualToIgnoringCase(
            "EC8CDF7398607CB0F2D21675EA9EA1E4"
                + "362B7C3C6773516318A077D7FC5073AE"
                + "6A2CC3787889374FBEB4C81B17BA6C44");
  }

  // --- libsrtp srtp_validate: AES_CM_128_HMAC_SHA1_80 from master key and salt.

  private static final byte[] CM_MASTER_KEY = hex("e1f97a0d3e018be0d64fa32c06de4139");
  private static final byte[] CM_MASTER_SALT = hex("0ec675ad498afeebb6960b3aabe6");
  private static final byte[] LIBSRTP_RTP_PLAIN =
      hex("800f1234decafbadcafebabe abababababababababababababababab");
  private static final byte[] LIBSRTP_RTCP_PLAIN =
      hex("81c8000bcafebabe abababababababababababababababab");

  @Test
  void protectsLibsrtpAesCmReferenceRtpPacket() {
    SrtpSession sender =
        new SrtpSession(SrtpProfile.AES128_CM_HMAC_SHA1_80, CM_MASTER_KEY, CM_MASTER_SALT);
    ByteBuf packet = heap(LIBSRTP_RTP_PLAIN);

    assertThat(sender.protectRtp(packet)).isEqualTo(SrtpResult.OK);

    assertThat(bytes(packet))
        .isEqualTo(
            hex(
                "800f1234decafbadcafebabe 4e55dc4ce79978d88ca4d215949d2402"
                    + "b78d6acc99ea179b8dbb"));
    SrtpSession receiver =
        new SrtpSession(SrtpProfile.AES128_CM_HMAC_SHA1_80, CM_MASTER_KEY, CM_MASTER_SALT);
    assertThat(receiver.unprotectRtp(packet)).isEqualTo(SrtpResult.OK);
    assertThat(bytes(packet)).isEqualTo(LIBSRTP_RTP_PLAIN);
  }

  @Test
  void protectsLibsrtpAesCmReferenceRtcpPacketAtIndexOne() {
    SrtpSession sender =
        new SrtpSession(SrtpProfile.AES128_CM_HMAC_SHA1_80, CM_MASTER_KEY, CM_MASTER_SALT);
    // libsrtp numbers its first SRTCP packet 1; we start at 0 (RFC 3711 §3.4), so send one first.
    assertThat(sender.protectRtcp(heap(LIBSRTP_RTCP_PLAIN))).isEqualTo(SrtpResult.OK);
    ByteBuf packet = heap(LIBSRTP_RTCP_PLAIN);

    assertThat(sender.protectRtcp(packet)).isEqualTo(SrtpResult.OK);

    assertThat(bytes(packet))
        .isEqualTo(
            hex(
                "81c8000bcafebabe 7128035be487b9bdbef89041f977a5a8 80000001"
                    + "993e08cd54d6c1230798"));
    SrtpSession receiver =
        new SrtpSession(SrtpProfile.AES128_CM_HMAC_SHA1_80, CM_MASTER_KEY, CM_MASTER_SALT);
    assertThat(receiver.unprotectRtcp(packet)).isEqualTo(SrtpResult.OK);
    assertThat(bytes(packet)).isEqualTo(LIBSRTP_RTCP_PLAIN);
  }

  // --- libsrtp srtp_validate_gcm: AEAD_AES_128_GCM from a 96-bit master salt (proves the KDF pad).

  private static final byte[] GCM_MASTER_KEY = hex("000102030405060708090a0b0c0d0e0f");
  private static final byte[] GCM_MASTER_SALT = hex("a0a1a2a3a4a5a6a7a8a9aaab");

  @Test
  void protectsLibsrtpGcmReferenceRtpPacket() {
    SrtpSession sender =
        new SrtpSession(SrtpProfile.AEAD_AES_128_GCM, GCM_MASTER_KEY, GCM_MASTER_SALT);
    ByteBuf packet = heap(LIBSRTP_RTP_PLAIN);

    assertThat(sender.protectRtp(packet)).isEqualTo(SrtpResult.OK);

    assertThat(bytes(packet))
        .isEqualTo(
            hex(
                "800f1234decafbadcafebabe c5002ede04cfdd2eb91159e0880aa06e"
                    + "d2976826f796b201df3131a127e8a392"));
    SrtpSession receiver =
        new SrtpSession(SrtpProfile.AEAD_AES_128_GCM, GCM_MASTER_KEY, GCM_MASTER_SALT);
    assertThat(receiver.unprotectRtp(packet)).isEqualTo(SrtpResult.OK);
    assertThat(bytes(packet)).isEqualTo(LIBSRTP_RTP_PLAIN);
  }

  @Test
  void protectsLibsrtpGcmReferenceRtcpPacketAtIndexOne() {
    SrtpSession sender =
        new SrtpSession(SrtpProfile.AEAD_AES_128_GCM, GCM_MASTER_KEY, GCM_MASTER_SALT);
    assertThat(sender.protectRtcp(heap(LIBSRTP_RTCP_PLAIN))).isEqualTo(SrtpResult.OK);
    ByteBuf packet = heap(LIBSRTP_RTCP_PLAIN);

    assertThat(sender.protectRtcp(packet)).isEqualTo(SrtpResult.OK);

    assertThat(bytes(packet))
        .isEqualTo(
            hex(
                "81c8000bcafebabe c98b8b5df0392a55852b6c21ac8e7025"
                    + "c52c6fbea2b3b446ea31123ba88ce61e 80000001"));
    SrtpSession receiver =
        new SrtpSession(SrtpProfile.AEAD_AES_128_GCM, GCM_MASTER_KEY, GCM_MASTER_SALT);
    assertThat(receiver.unprotectRtcp(packet)).isEqualTo(SrtpResult.OK);
    assertThat(bytes(packet)).isEqualTo(LIBSRTP_RTCP_PLAIN);
  }

  // --- RFC 7714 §16: session key and salt given directly.

  private static final byte[] RFC7714_KEY = hex("000102030405060708090a0b0c0d0e0f");
  private static final byte[] RFC7714_SALT = hex("517569642070726f2071756f"); // "Quid pro quo"

  private static SrtpSession rfc7714Session() {
    SrtpSessionKeys keys =
        new SrtpSessionKeys(
            RFC7714_KEY, RFC7714_SALT, new byte[0], RFC7714_KEY, RFC7714_SALT, new byte[0]);
    return new SrtpSession(SrtpProfile.AEAD_AES_128_GCM, keys, 1024);
  }

  private static byte[] rfc7714RtpPlain() {
    byte[] header = hex("8040f17b8041f8d35501a0b2");
    byte[] payload = "Gallia est omnis divisa in partes tres".getBytes(StandardCharsets.US_ASCII);
    byte[] packet = new byte[header.length + payload.length];
    System.arraycopy(header, 0, packet, 0, header.length);
    System.arraycopy(payload, 0, packet, header.length, payload.length);
    return packet;
  }

  private static final byte[] RFC7714_RTP_PROTECTED =
      hex(
          "8040f17b8041f8d35501a0b2"
              + "f24de3a3fb34de6cacba861c9d7e4bcabe633bd50d294e6f42a5f47a51c7d19b36de3adf8833"
              + "899d7f27beb16a9152cf765ee4390cce");

  private static final byte[] RFC7714_RTCP_PLAIN =
      hex(
          "81c8000d4d617273 4e5450314e545032525450200000042a0000e9304c756e61"
              + "deadbeefdeadbeefdeadbeefdeadbeefdeadbeef");

  @Test
  void encryptsRfc7714Section16RtpPacket() {
    ByteBuf packet = heap(rfc7714RtpPlain());

    assertThat(rfc7714Session().protectRtp(packet)).isEqualTo(SrtpResult.OK);

    assertThat(bytes(packet)).isEqualTo(RFC7714_RTP_PROTECTED);
  }

  @Test
  void decryptsRfc7714Section16RtpPacket() {
    ByteBuf packet = heap(RFC7714_RTP_PROTECTED);

    assertThat(rfc7714Session().unprotectRtp(packet)).isEqualTo(SrtpResult.OK);

    assertThat(bytes(packet)).isEqualTo(rfc7714RtpPlain());
  }

  @Test
  void encryptsAndDecryptsRfc7714Section16RtcpPacketAtIndex1492() {
    SrtpSession sender = rfc7714Session();
    for (int i = 0; i < 0x5d4; i++) { // the vector's SRTCP index is 0x000005d4
      sender.protectRtcp(heap(RFC7714_RTCP_PLAIN));
    }
    ByteBuf packet = heap(RFC7714_RTCP_PLAIN);

    assertThat(sender.protectRtcp(packet)).isEqualTo(SrtpResult.OK);

    assertThat(bytes(packet))
        .isEqualTo(
            hex(
                "81c8000d4d617273"
                    + "63e94885dcdab67ca727d7662f6b7e997ff5c0f76c06f32dc676a5f1730d6fda"
                    + "4ce09b4686303ded0bb9275bc84aa45896cf4d2fc5abf87245d9eade 800005d4"));
    assertThat(rfc7714Session().unprotectRtcp(packet)).isEqualTo(SrtpResult.OK);
    assertThat(bytes(packet)).isEqualTo(RFC7714_RTCP_PLAIN);
  }

  @Test
  void verifiesRfc7714Section16AuthenticatedOnlyRtcpPacket() {
    byte[] tagged = new byte[RFC7714_RTCP_PLAIN.length + 20];
    System.arraycopy(RFC7714_RTCP_PLAIN, 0, tagged, 0, RFC7714_RTCP_PLAIN.length);
    System.arraycopy(
        hex("841dd9683dd78ec92ae58790125f62b3 000005d4"), 0, tagged, RFC7714_RTCP_PLAIN.length, 20);
    ByteBuf packet = heap(tagged);

    assertThat(rfc7714Session().unprotectRtcp(packet)).isEqualTo(SrtpResult.OK);

    assertThat(bytes(packet)).isEqualTo(RFC7714_RTCP_PLAIN);
    ByteBuf forged = heap(tagged);
    forged.setByte(10, forged.getByte(10) ^ 1);
    assertThat(rfc7714Session().unprotectRtcp(forged)).isEqualTo(SrtpResult.AUTH_FAILED);
  }
}
