package dev.podium.media.dtls;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/** Certificate fingerprints as carried by SDP a=fingerprint (RFC 8122 §5, RFC 8842 §5). */
final class CertificateFingerprint {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private CertificateFingerprint() {}

  /**
   * Maps an SDP hash function name (RFC 8122 §5, case-insensitive) to its JDK digest name.
   *
   * @throws IllegalArgumentException for md5, md2 and names the JDK does not know
   */
  static String digestName(String sdpAlgorithm) {
    return switch (sdpAlgorithm.toLowerCase(Locale.ROOT)) {
      case "sha-1" -> "SHA-1";
      case "sha-224" -> "SHA-224";
      case "sha-256" -> "SHA-256";
      case "sha-384" -> "SHA-384";
      case "sha-512" -> "SHA-512";
      default ->
          throw new IllegalArgumentException("unsupported fingerprint algorithm " + sdpAlgorithm);
    };
  }

  /** The fingerprint of a DER certificate: upper-case hex bytes joined by colons. */
  static String of(String sdpAlgorithm, byte[] der) {
    byte[] digest;
    try {
      digest = MessageDigest.getInstance(digestName(sdpAlgorithm)).digest(der);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("JDK lacks " + sdpAlgorithm, e);
    }
    StringBuilder text = new StringBuilder(digest.length * 3);
    for (byte b : digest) {
      if (text.length() > 0) {
        text.append(':');
      }
      text.append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
    }
    return text.toString();
  }

  /** Compares two fingerprints ignoring case, in time independent of where they differ. */
  static boolean matches(String expected, String actual) {
    byte[] a = expected.trim().toUpperCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
    byte[] b = actual.trim().toUpperCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(a, b);
  }
}
