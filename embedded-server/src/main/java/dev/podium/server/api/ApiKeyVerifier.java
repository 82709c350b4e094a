package dev.podium.server.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * Checks {@code Authorization: Bearer <api key>} in constant time: both keys are hashed to 32 bytes
 * first, so neither the content nor the length of the key leaks through timing.
 */
public final class ApiKeyVerifier {
  private final byte[] expectedHash;

  public ApiKeyVerifier(String apiKey) {
    Objects.requireNonNull(apiKey, "apiKey");
    if (apiKey.isBlank()) {
      throw new IllegalArgumentException("the API key must not be blank");
    }
    this.expectedHash = sha256(apiKey);
  }

  /** Whether {@code presented} is the API key. */
  public boolean matches(String presented) {
    return presented != null && MessageDigest.isEqual(expectedHash, sha256(presented));
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
