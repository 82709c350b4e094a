package dev.podium.app.client;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * TLS for servers with a self-signed certificate: an {@link SSLContext} that trusts exactly the
 * certificate whose SHA-256 (of its DER encoding) matches the pinned fingerprint. No CA chain and
 * no host name check are applied then: the fingerprint identifies the server.
 */
final class CertificatePinning {

  private CertificatePinning() {}

  /** An SSLContext that accepts only a leaf certificate with SHA-256 {@code hexSha256}. */
  static SSLContext sslContext(String hexSha256) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(
          null, new TrustManager[] {new PinningTrustManager(hexSha256)}, new SecureRandom());
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("TLS is not available in this JVM", e);
    }
  }

  /** Lower-case hex SHA-256 of a certificate's DER encoding. */
  static String sha256(X509Certificate certificate) throws CertificateException {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    } catch (NoSuchAlgorithmException e) {
      throw new CertificateException("SHA-256 unavailable", e);
    }
  }

  /** Thrown (wrapped by the TLS stack) when the server's certificate is not the pinned one. */
  static final class PinMismatchException extends CertificateException {
    private static final long serialVersionUID = 1L;

    PinMismatchException(String message) {
      super(message);
    }
  }

  private static final class PinningTrustManager extends X509ExtendedTrustManager {
    private final String expected;

    PinningTrustManager(String expected) {
      this.expected = expected;
    }

    private void check(X509Certificate[] chain) throws CertificateException {
      if (chain == null || chain.length == 0) {
        throw new PinMismatchException("the server sent no certificate");
      }
      String actual = sha256(chain[0]);
      if (!MessageDigest.isEqual(actual.getBytes(), expected.getBytes())) {
        throw new PinMismatchException(
            "the server's certificate SHA-256 " + actual + " is not the pinned " + expected);
      }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      check(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      throw new CertificateException("client certificates are not accepted");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      throw new CertificateException("client certificates are not accepted");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      throw new CertificateException("client certificates are not accepted");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
