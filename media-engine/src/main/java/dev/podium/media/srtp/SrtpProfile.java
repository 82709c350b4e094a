package dev.podium.media.srtp;

import java.util.Optional;

/**
 * The SRTP protection profiles Podium supports, with their DTLS-SRTP ids (RFC 5764 §4.1.2, RFC 7714
 * §14.2) and the lengths of their keys, salts and tags.
 */
public enum SrtpProfile {
  /** RFC 3711 default transform: AES-128 counter mode, HMAC-SHA1 truncated to 80 bits. */
  AES128_CM_HMAC_SHA1_80(0x0001, 16, 14, 20, 10, 10),
  /** RFC 7714 AEAD transform: AES-128 in Galois/Counter Mode with a 128-bit tag. */
  AEAD_AES_128_GCM(0x0007, 16, 12, 0, 16, 16);

  /** Length of the E-flag + 31-bit SRTCP index word appended to every SRTCP packet. */
  static final int SRTCP_INDEX_LENGTH = 4;

  private final int useSrtpId;
  private final int keyLength;
  private final int saltLength;
  private final int authKeyLength;
  private final int rtpAuthTagLength;
  private final int rtcpAuthTagLength;

  SrtpProfile(
      int useSrtpId,
      int keyLength,
      int saltLength,
      int authKeyLength,
      int rtpAuthTagLength,
      int rtcpAuthTagLength) {
    this.useSrtpId = useSrtpId;
    this.keyLength = keyLength;
    this.saltLength = saltLength;
    this.authKeyLength = authKeyLength;
    this.rtpAuthTagLength = rtpAuthTagLength;
    this.rtcpAuthTagLength = rtcpAuthTagLength;
  }

  /** The two-byte SRTPProtectionProfile value of the DTLS use_srtp extension. */
  public int useSrtpId() {
    return useSrtpId;
  }

  /** Master (and session) encryption key length in bytes. */
  public int keyLength() {
    return keyLength;
  }

  /** Master (and session) salt length in bytes. */
  public int saltLength() {
    return saltLength;
  }

  /** Session authentication key length in bytes; 0 for AEAD profiles. */
  int authKeyLength() {
    return authKeyLength;
  }

  /** Length of the tag appended to an SRTP packet. */
  public int rtpAuthTagLength() {
    return rtpAuthTagLength;
  }

  /** Length of the tag appended to an SRTCP packet. */
  public int rtcpAuthTagLength() {
    return rtcpAuthTagLength;
  }

  /** Bytes a protected RTP packet grows by (the tag). */
  public int rtpOverhead() {
    return rtpAuthTagLength;
  }

  /** Bytes a protected RTCP packet grows by (the tag plus the E-flag/SRTCP index word). */
  public int rtcpOverhead() {
    return rtcpAuthTagLength + SRTCP_INDEX_LENGTH;
  }

  /** True for the RFC 7714 AEAD profiles. */
  boolean isAead() {
    return authKeyLength == 0;
  }

  /** The profile with the given DTLS use_srtp id, if Podium supports it. */
  public static Optional<SrtpProfile> fromUseSrtpId(int id) {
    for (SrtpProfile profile : values()) {
      if (profile.useSrtpId == id) {
        return Optional.of(profile);
      }
    }
    return Optional.empty();
  }
}
