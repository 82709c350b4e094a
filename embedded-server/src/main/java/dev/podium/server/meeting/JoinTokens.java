package dev.podium.server.meeting;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Issues and hashes JoinTokens: 32 bytes from {@link SecureRandom} (256 bits), base64url without
 * padding (43 characters). Only {@link #hash(String)} of a token is ever stored.
 */
public final class JoinTokens {
  /** Random bytes per token. */
  public static final int TOKEN_BYTES = 32;

  /** Characters of an encoded token. */
  public static final int TOKEN_LENGTH = 43;

  private static final SecureRandom RANDOM = new SecureRandom();

  private JoinTokens() {}

  /** A fresh token. */
  public static String newToken() {
    byte[] bytes = new byte[TOKEN_BYTES];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** SHA-256 of the token's characters (any string hashes: unknown tokens just never match). */
  public static TokenHash hash(String token) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return new TokenHash(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
