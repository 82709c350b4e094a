package dev.podium.media.ice;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * Local or remote ICE credentials (RFC 8445 §5.3): username fragment and password, both made of
 * ice-chars (ALPHA / DIGIT / "+" / "/", RFC 8839 §5.4). The ufrag must have 4-256 characters and
 * the password 22-256 (RFC 8839 §5.4); the constructor rejects anything else, which also keeps ':'
 * out of the ufrag so that USERNAME splits unambiguously.
 *
 * @param ufrag the username fragment ({@code a=ice-ufrag})
 * @param password the password ({@code a=ice-pwd}); its UTF-8 bytes are the short-term key
 */
public record IceCredentials(String ufrag, String password) {
  private static final String ICE_CHARS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int RANDOM_UFRAG_LENGTH = 8;
  private static final int RANDOM_PASSWORD_LENGTH = 24;

  public IceCredentials {
    Objects.requireNonNull(ufrag, "ufrag");
    Objects.requireNonNull(password, "password");
    requireIceChars("ufrag", ufrag, 4);
    requireIceChars("password", password, 22);
  }

  /** Fresh credentials: an 8-character ufrag and a 24-character password from SecureRandom. */
  public static IceCredentials random() {
    return new IceCredentials(
        randomIceChars(RANDOM_UFRAG_LENGTH), randomIceChars(RANDOM_PASSWORD_LENGTH));
  }

  /** The short-term MESSAGE-INTEGRITY key (RFC 5389 §15.4): the password's bytes. */
  public byte[] key() {
    return password.getBytes(StandardCharsets.UTF_8);
  }

  /** Keeps the password out of logs. */
  @Override
  public String toString() {
    return "IceCredentials[ufrag=" + ufrag + ", password=(" + password.length() + " chars)]";
  }

  private static String randomIceChars(int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(ICE_CHARS.charAt(RANDOM.nextInt(ICE_CHARS.length())));
    }
    return text.toString();
  }

  private static void requireIceChars(String what, String value, int minLength) {
    if (value.length() < minLength || value.length() > 256) {
      throw new IllegalArgumentException(
          "ICE " + what + " must have " + minLength + "-256 characters, has " + value.length());
    }
    for (int i = 0; i < value.length(); i++) {
      if (ICE_CHARS.indexOf(value.charAt(i)) < 0) {
        throw new IllegalArgumentException(
            "ICE "
                + what
                + " has a character outside ALPHA / DIGIT / \"+\" / \"/\": "
                + value.charAt(i));
      }
    }
  }
}
