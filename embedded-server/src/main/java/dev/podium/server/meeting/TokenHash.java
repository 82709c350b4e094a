package dev.podium.server.meeting;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;

/** The SHA-256 of a JoinToken: the only form in which a token is stored. */
public record TokenHash(byte[] bytes) {

  /** Length of a SHA-256 digest. */
  public static final int LENGTH = 32;

  public TokenHash {
    if (bytes == null || bytes.length != LENGTH) {
      throw new IllegalArgumentException("a token hash is 32 bytes");
    }
    bytes = bytes.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** Compares in constant time (no early exit on the first differing byte). */
  public boolean matches(TokenHash other) {
    return other != null && MessageDigest.isEqual(bytes, other.bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TokenHash other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  /** A short prefix, safe for debugging: it cannot be reversed into the token. */
  @Override
  public String toString() {
    return "TokenHash["
        + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).substring(0, 8)
        + "…]";
  }
}
