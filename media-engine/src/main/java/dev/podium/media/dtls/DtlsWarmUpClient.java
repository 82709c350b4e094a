package dev.podium.media.dtls;

import java.io.IOException;
import java.util.Hashtable;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;

/**
 * A DTLS-SRTP client shaped like libwebrtc's (DTLS 1.2, ECDHE_ECDSA, use_srtp, ECDSA client
 * certificate) that runs the server code paths once in memory; see {@link DtlsWarmUp}.
 */
final class DtlsWarmUpClient extends DefaultTlsClient {

  private final DtlsCertificate certificate;

  DtlsWarmUpClient(DtlsCertificate certificate) {
    super(certificate.crypto());
    this.certificate = certificate;
  }

  @Override
  protected ProtocolVersion[] getSupportedVersions() {
    return ProtocolVersion.DTLSv12.only();
  }

  @Override
  protected int[] getSupportedCipherSuites() {
    return TlsUtils.getSupportedCipherSuites(
        getCrypto(), new int[] {CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256});
  }

  @Override
  @SuppressWarnings("unchecked")
  public Hashtable getClientExtensions() throws IOException {
    Hashtable extensions = super.getClientExtensions();
    TlsSRTPUtils.addUseSRTPExtension(
        extensions,
        new UseSRTPData(
            new int[] {
              DtlsSrtpKeys.SRTP_AEAD_AES_128_GCM, DtlsSrtpKeys.SRTP_AES128_CM_HMAC_SHA1_80
            },
            TlsUtils.EMPTY_BYTES));
    return extensions;
  }

  @Override
  public TlsAuthentication getAuthentication() {
    return new TlsAuthentication() {
      @Override
      public void notifyServerCertificate(TlsServerCertificate serverCertificate) {
        // The warm-up talks to itself; there is nothing to check.
      }

      @Override
      public TlsCredentials getClientCredentials(CertificateRequest certificateRequest) {
        return certificate.signer(
            context, new SignatureAndHashAlgorithm(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa));
      }
    };
  }
}
