package dev.podium.media.dtls;

/**
 * SRTP keying material exported after the handshake (RFC 5764 §4.2).
 *
 * <p>{@code useSrtpProfile} is the negotiated use_srtp id: {@link #SRTP_AES128_CM_HMAC_SHA1_80}
 * (key 16, salt 14) or {@link #SRTP_AEAD_AES_128_GCM} (key 16, salt 12, RFC 7714 §12). The client
 * is the DTLS client (the browser), so the server decrypts with the client keys and encrypts with
 * the server keys. {@link #toString()} never prints key material.
 */
public record DtlsSrtpKeys(
    int useSrtpProfile,
    byte[] clientWriteKey,
    byte[] serverWriteKey,
    byte[] clientWriteSalt,
    byte[] serverWriteSalt) {

  /** use_srtp id of SRTP_AES128_CM_HMAC_SHA1_80 (RFC 5764 §4.1.2). */
  public static final int SRTP_AES128_CM_HMAC_SHA1_80 = 0x0001;

  /** use_srtp id of SRTP_AES128_CM_HMAC_SHA1_32 (RFC 5764 §4.1.2). */
  public static final int SRTP_AES128_CM_HMAC_SHA1_32 = 0x0002;

  /** use_srtp id of SRTP_AEAD_AES_128_GCM (RFC 7714 §14.2). */
  public static final int SRTP_AEAD_AES_128_GCM = 0x0007;

  /** use_srtp id of SRTP_AEAD_AES_256_GCM (RFC 7714 §14.2). */
  public static final int SRTP_AEAD_AES_256_GCM = 0x0008;

  @Override
  public String toString() {
    return "DtlsSrtpKeys[useSrtpProfile=" + SrtpProfileLengths.name(useSrtpProfile) + "]";
  }
}
