package dev.podium.media.ice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Recomputes MESSAGE-INTEGRITY and FINGERPRINT straight from RFC 5389 §15.4/§15.5 with the JDK,
 * independently of the production code, for messages that end with those two attributes.
 */
final class StunChecksTestSupport {
  private StunChecksTestSupport() {}

  static void assertSealedIndependently(byte[] message, byte[] key) {
    int n = message.length;
    ByteBuffer view = ByteBuffer.wrap(message);
    assertThat(view.getShort(2) & 0xFFFF).as("header length").isEqualTo(n - 20);
    assertThat(view.getInt(4)).as("magic cookie").isEqualTo(0x2112A442);

    // FINGERPRINT: last 8 bytes, CRC-32 of everything before it XOR 0x5354554e.
    assertThat(view.getInt(n - 8)).isEqualTo(0x80280004);
    CRC32 crc = new CRC32();
    crc.update(message, 0, n - 8);
    assertThat(view.getInt(n - 4)).isEqualTo((int) crc.getValue() ^ 0x5354554e);

    // MESSAGE-INTEGRITY: the 24 bytes before FINGERPRINT, HMAC over everything before it with the
    // header length counting up to the end of MESSAGE-INTEGRITY.
    int integrity = n - 8 - 24;
    assertThat(view.getInt(integrity)).isEqualTo(0x00080014);
    byte[] covered = Arrays.copyOf(message, integrity);
    int adjusted = integrity + 24 - 20;
    covered[2] = (byte) (adjusted >>> 8);
    covered[3] = (byte) adjusted;
    assertThat(Arrays.copyOfRange(message, integrity + 4, integrity + 24))
        .isEqualTo(hmacSha1(key, covered));
  }

  static byte[] hmacSha1(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(key, "HmacSHA1"));
      return mac.doFinal(data);
    } catch (java.security.GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }
}
