package dev.podium.media.srtp;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * The SRTP key derivation function of RFC 3711 §4.3.1 with the AES-CM PRF of §4.3.3, for a key
 * derivation rate of 0 (the only rate DTLS-SRTP uses, RFC 5764 §4.1.2), so r = 0 and keys are
 * derived once per master key.
 *
 * <p>For AEAD_AES_128_GCM the master salt is 96 bits; RFC 7714 §11 reuses this KDF, with the salt
 * zero-padded on the right to the 112 bits the AES-CM PRF expects (as libsrtp does; the libsrtp GCM
 * known-answer vector in the tests confirms it).
 */
final class SrtpKeyDerivation {
  static final int LABEL_RTP_ENCRYPTION = 0x00;
  static final int LABEL_RTP_AUTH = 0x01;
  static final int LABEL_RTP_SALT = 0x02;
  static final int LABEL_RTCP_ENCRYPTION = 0x03;
  static final int LABEL_RTCP_AUTH = 0x04;
  static final int LABEL_RTCP_SALT = 0x05;

  /** The AES-CM PRF works on a 112-bit salt. */
  private static final int PRF_SALT_LENGTH = 14;

  private static final int BLOCK = 16;

  private SrtpKeyDerivation() {}

  /** Derives all session keys of a profile from its master key and master salt. */
  static SrtpSessionKeys derive(SrtpProfile profile, byte[] masterKey, byte[] masterSalt) {
    if (masterKey.length != profile.keyLength()) {
      throw new IllegalArgumentException(
          "master key must be " + profile.keyLength() + " bytes for " + profile);
    }
    if (masterSalt.length != profile.saltLength()) {
      throw new IllegalArgumentException(
          "master salt must be " + profile.saltLength() + " bytes for " + profile);
    }
    Cipher aes = newAesEcb(masterKey);
    int keyLength = profile.keyLength();
    int saltLength = profile.saltLength();
    int authLength = profile.authKeyLength();
    return new SrtpSessionKeys(
        prf(aes, masterSalt, LABEL_RTP_ENCRYPTION, keyLength),
        prf(aes, masterSalt, LABEL_RTP_SALT, saltLength),
        prf(aes, masterSalt, LABEL_RTP_AUTH, authLength),
        prf(aes, masterSalt, LABEL_RTCP_ENCRYPTION, keyLength),
        prf(aes, masterSalt, LABEL_RTCP_SALT, saltLength),
        prf(aes, masterSalt, LABEL_RTCP_AUTH, authLength));
  }

  /** PRF_n(k_master, x) with x = (label || r) XOR master salt, r = 0 (§4.3.1). */
  static byte[] derive(byte[] masterKey, byte[] masterSalt, int label, int length) {
    return prf(newAesEcb(masterKey), masterSalt, label, length);
  }

  private static byte[] prf(Cipher aesEcb, byte[] masterSalt, int label, int length) {
    if (length == 0) {
      return new byte[0];
    }
    // x, shifted left by 16 bits: the AES-CM counter of §4.3.3 lives in the two low bytes.
    byte[] x = new byte[BLOCK];
    System.arraycopy(masterSalt, 0, x, 0, Math.min(masterSalt.length, PRF_SALT_LENGTH));
    // key_id = label || r is 56 bits, right-aligned against the 112-bit salt: label at byte 7.
    x[7] ^= (byte) label;
    int blocks = (length + BLOCK - 1) / BLOCK;
    byte[] counters = new byte[blocks * BLOCK];
    for (int i = 0; i < blocks; i++) {
      System.arraycopy(x, 0, counters, i * BLOCK, BLOCK);
      counters[i * BLOCK + 14] = (byte) (i >>> 8);
      counters[i * BLOCK + 15] = (byte) i;
    }
    try {
      byte[] stream = aesEcb.doFinal(counters);
      byte[] out = new byte[length];
      System.arraycopy(stream, 0, out, 0, length);
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES key derivation failed", e);
    }
  }

  private static Cipher newAesEcb(byte[] key) {
    try {
      Cipher aes = Cipher.getInstance("AES/ECB/NoPadding");
      aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
      return aes;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/ECB/NoPadding is not available", e);
    }
  }
}
