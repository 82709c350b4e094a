package dev.podium.app.host;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/** TLS that trusts exactly one certificate, by SHA-256 (for the app's own embedded server). */
final class PinnedTls {
  private PinnedTls() {}

  static SSLSocketFactory socketFactory(String sha256Hex) {
    String want = sha256Hex.replace(":", "").toLowerCase(java.util.Locale.ROOT);
    X509TrustManager trust =
        new X509TrustManager() {
          @Override
          public void checkClientTrusted(X509Certificate[] chain, String authType)
              throws CertificateException {
            throw new CertificateException("client certificates are not used");
          }

          @Override
          public void checkServerTrusted(X509Certificate[] chain, String authType)
              throws CertificateException {
            try {
              byte[] digest = MessageDigest.getInstance("SHA-256").digest(chain[0].getEncoded());
              if (!HexFormat.of().formatHex(digest).equals(want)) {
                throw new CertificateException("certificate does not match the pinned SHA-256");
              }
            } catch (GeneralSecurityException e) {
              throw new CertificateException(e);
            }
          }

          @Override
          public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
          }
        };
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {trust}, null);
      return context.getSocketFactory();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
