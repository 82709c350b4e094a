package dev.podium.server.notifications;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The receiver's verification code from docs/webhooks.md, kept here so that it is tested. */
final class ExampleVerifier {
  private ExampleVerifier() {}

  static boolean verify(byte[] secret, String header, byte[] body, long nowSeconds)
      throws Exception {
    String t = null;
    String v1 = null;
    for (String part : header.split(",")) {
      if (part.startsWith("t=")) t = part.substring(2);
      if (part.startsWith("v1=")) v1 = part.substring(3);
    }
    if (t == null || v1 == null || Math.abs(nowSeconds - Long.parseLong(t)) > 300) return false;
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret, "HmacSHA256"));
    mac.update((t + ".").getBytes(StandardCharsets.US_ASCII));
    byte[] expected = mac.doFinal(body);
    return MessageDigest.isEqual(
        expected, java.util.HexFormat.of().parseHex(v1.toLowerCase(java.util.Locale.ROOT)));
  }
}
