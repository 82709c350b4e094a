package dev.podium.media.ice;

import java.security.GeneralSecurityException;
import java.util.zip.CRC32;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The two STUN checksums: MESSAGE-INTEGRITY's HMAC-SHA1 (RFC 5389 §15.4) and FINGERPRINT's CRC-32
 * XOR 0x5354554e (§15.5). Both are computed over a message prefix whose header length field is
 * replaced by the length the message has once the attribute is appended.
 */
final class StunChecksums {
  static final int HMAC_SHA1_LENGTH = 20;
  static final int FINGERPRINT_XOR = 0x5354554e;

  private static final ThreadLocal<Mac> HMAC_SHA1 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return Mac.getInstance("HmacSHA1");
            } catch (GeneralSecurityException e) {
              // Every Java SE runtime must provide HmacSHA1.
              throw new IllegalStateException("HmacSHA1 is not available", e);
            }
          });

  private StunChecksums() {}

  /**
   * HMAC-SHA1 of {@code message[0, end)} with bytes 2-3 (the header length) read as {@code
   * headerLength}.
   */
  static byte[] hmacSha1(byte[] key, byte[] message, int end, int headerLength) {
    Mac mac = HMAC_SHA1.get();
    try {
      // An empty key is legal for STUN but not for SecretKeySpec; HMAC pads keys with zeros, so a
      // one-byte zero key produces the same result.
      mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA1"));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA1 rejected a raw key", e);
    }
    mac.update(message, 0, 2);
    mac.update((byte) (headerLength >>> 8));
    mac.update((byte) headerLength);
    mac.update(message, 4, end - 4);
    return mac.doFinal();
  }

  /** FINGERPRINT value of {@code message[0, end)} (its header length must already be final). */
  static int fingerprint(byte[] message, int end) {
    CRC32 crc = new CRC32();
    crc.update(message, 0, end);
    return (int) crc.getValue() ^ FINGERPRINT_XOR;
  }
}
