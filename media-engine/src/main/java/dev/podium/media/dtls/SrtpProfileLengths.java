package dev.podium.media.dtls;

/**
 * Master key and salt lengths of the use_srtp profiles this package can negotiate (RFC 5764 §4.1.2,
 * RFC 7714 §12).
 */
final class SrtpProfileLengths {

  private SrtpProfileLengths() {}

  static boolean isSupported(int profile) {
    return switch (profile) {
      case DtlsSrtpKeys.SRTP_AES128_CM_HMAC_SHA1_80,
              DtlsSrtpKeys.SRTP_AES128_CM_HMAC_SHA1_32,
              DtlsSrtpKeys.SRTP_AEAD_AES_128_GCM,
              DtlsSrtpKeys.SRTP_AEAD_AES_256_GCM ->
          true;
      default -> false;
    };
  }

  static int keyLength(int profile) {
    return switch (profile) {
      case DtlsSrtpKeys.SRTP_AES128_CM_HMAC_SHA1_80,
              DtlsSrtpKeys.SRTP_AES128_CM_HMAC_SHA1_32,
              DtlsSrtpKeys.SRTP_AEAD_AES_128_GCM ->
          16;
      case DtlsSrtpKeys.SRTP_AEAD_AES_256_GCM -> 32;
      default -> throw new IllegalArgumentException("unsupported use_srtp profile " + profile);
    };
  }

  static int saltLength(int profile) {
    return switch (profile) {
      case DtlsSrtpKeys.SRTP_AES128_CM_HMAC_SHA1_80, DtlsSrtpKeys.SRTP_AES128_CM_HMAC_SHA1_32 -> 14;
      case DtlsSrtpKeys.SRTP_AEAD_AES_128_GCM, DtlsSrtpKeys.SRTP_AEAD_AES_256_GCM -> 12;
      default -> throw new IllegalArgumentException("unsupported use_srtp profile " + profile);
    };
  }

  static String name(int profile) {
    return switch (profile) {
      case DtlsSrtpKeys.SRTP_AES128_CM_HMAC_SHA1_80 -> "SRTP_AES128_CM_HMAC_SHA1_80";
      case DtlsSrtpKeys.SRTP_AES128_CM_HMAC_SHA1_32 -> "SRTP_AES128_CM_HMAC_SHA1_32";
      case DtlsSrtpKeys.SRTP_AEAD_AES_128_GCM -> "SRTP_AEAD_AES_128_GCM";
      case DtlsSrtpKeys.SRTP_AEAD_AES_256_GCM -> "SRTP_AEAD_AES_256_GCM";
      default -> String.format("0x%04X", profile);
    };
  }
}
