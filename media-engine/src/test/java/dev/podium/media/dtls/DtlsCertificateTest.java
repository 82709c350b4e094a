package dev.podium.media.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DtlsCertificateTest {

  private static final Logger LOG = LoggerFactory.getLogger(DtlsCertificateTest.class);

  @Test
  void generatesSelfSignedP256CertificateValidAroundNow() throws Exception {
    long started = System.nanoTime();
    DtlsCertificate certificate = DtlsCertificate.generate();
    LOG.info(
        "DTLS certificate generated in {} ms (cold only if first in this JVM)",
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));

    X509Certificate x509 =
        (X509Certificate)
            CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(certificate.encoded()));

    assertThat(x509.getSigAlgName()).isEqualTo("SHA256withECDSA");
    assertThat(((ECPublicKey) x509.getPublicKey()).getParams().getCurve().getField().getFieldSize())
        .isEqualTo(256);
    assertThat(x509.getSubjectX500Principal().getName()).isEqualTo("CN=podium");
    assertThat(x509.getIssuerX500Principal()).isEqualTo(x509.getSubjectX500Principal());
    x509.verify(x509.getPublicKey()); // self-signed: throws if the signature is wrong
    assertThat(x509.getSerialNumber().signum()).isPositive();
    Instant now = Instant.now();
    assertThat(x509.getNotBefore().toInstant()).isBefore(now.minus(Duration.ofDays(29)));
    assertThat(x509.getNotAfter().toInstant()).isAfter(now.plus(Duration.ofDays(364)));
  }

  @Test
  void fingerprintIsUpperCaseColonSeparatedSha256OfTheDer() throws Exception {
    DtlsCertificate certificate = DtlsCertificate.generate();

    String expected =
        HexFormat.ofDelimiter(":")
            .withUpperCase()
            .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.encoded()));

    assertThat(certificate.fingerprintAlgorithm()).isEqualTo("sha-256");
    assertThat(certificate.fingerprint())
        .isEqualTo(expected)
        .matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
    assertThat(certificate.toString()).contains(expected);
  }

  @Test
  void generatesADifferentKeyAndSerialEachTime() throws Exception {
    DtlsCertificate first = DtlsCertificate.generate();
    DtlsCertificate second = DtlsCertificate.generate();

    assertThat(first.fingerprint()).isNotEqualTo(second.fingerprint());
    CertificateFactory factory = CertificateFactory.getInstance("X.509");
    X509Certificate a =
        (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(first.encoded()));
    X509Certificate b =
        (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(second.encoded()));
    assertThat(a.getSerialNumber()).isNotEqualTo(b.getSerialNumber());
    assertThat(a.getPublicKey()).isNotEqualTo(b.getPublicKey());
  }

  @Test
  void warmUpCompletesLoopbackHandshakesAndLeavesHandshakesFast() {
    DtlsCertificate certificate = DtlsCertificate.generate();
    long started = System.nanoTime();

    certificate.warmUp();

    long warmUpMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    long[] handshakeMicros = new long[5];
    for (int i = 0; i < handshakeMicros.length; i++) {
      long t = System.nanoTime();
      DtlsWarmUp.run(certificate, 1);
      handshakeMicros[i] = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - t);
    }
    LOG.info(
        "DTLS warm-up took {} ms; then in-memory handshakes (client + server) took {} us",
        warmUpMillis,
        Arrays.toString(handshakeMicros));
  }

  @Test
  void handshakesWithTheJcaCryptoBackEndToo() {
    DtlsCertificate certificate = DtlsCertificate.generate(DtlsCertificate.CryptoKind.JCA);

    DtlsWarmUp.run(certificate, 1); // throws IllegalStateException if the handshake fails

    assertThat(certificate.cryptoKind()).isEqualTo(DtlsCertificate.CryptoKind.JCA);
  }
}
