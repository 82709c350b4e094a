package dev.podium.server.notifications;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Podium-Signature} header: {@code t=<unix seconds>,v1=<hex HMAC-SHA256 (RFC 2104) of
 * "<t>.<body>">} with the shared secret. The receiver recomputes the HMAC over the raw body,
 * compares in constant time, and refuses timestamps outside its tolerance (replay).
 */
public final class WebhookSignature {
  /** The header carrying the signature. */
  public static final String HEADER = "X-Podium-Signature";

  /** A receiver's default tolerance for the timestamp. */
  public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

  private final byte[] secret;

  public WebhookSignature(byte[] secret) {
    if (secret == null || secret.length == 0) {
      throw new IllegalArgumentException("a secret is required");
    }
    this.secret = secret.clone();
  }

  /** The header value for {@code body} sent at {@code unixSeconds}. */
  public String sign(long unixSeconds, byte[] body) {
    return "t=" + unixSeconds + ",v1=" + HexFormat.of().formatHex(hmac(unixSeconds, body));
  }

  /**
   * Whether {@code header} is a valid signature of {@code body} made within {@code tolerance} of
   * {@code nowSeconds}.
   */
  public boolean verify(String header, byte[] body, long nowSeconds, Duration tolerance) {
    if (header == null) {
      return false;
    }
    Long t = null;
    byte[] given = null;
    for (String part : header.split(",")) {
      String p = part.strip();
      try {
        if (p.startsWith("t=")) {
          t = Long.parseLong(p.substring(2));
        } else if (p.startsWith("v1=")) {
          given = HexFormat.of().parseHex(p.substring(3));
        }
      } catch (IllegalArgumentException e) {
        return false;
      }
    }
    if (t == null || given == null || Math.abs(nowSeconds - t) > tolerance.toSeconds()) {
      return false;
    }
    return MessageDigest.isEqual(given, hmac(t, body));
  }

  private byte[] hmac(long unixSeconds, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      mac.update((unixSeconds + ".").getBytes(StandardCharsets.US_ASCII));
      return mac.doFinal(body);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
