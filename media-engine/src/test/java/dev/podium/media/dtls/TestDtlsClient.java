package dev.podium.media.dtls;

import java.io.IOException;
import java.util.Arrays;
import java.util.Hashtable;
import org.bouncycastle.tls.AlertDescription;
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

/** A browser-like DTLS-SRTP client on bctls: DTLS 1.2, use_srtp, an ECDSA client certificate. */
final class TestDtlsClient extends DefaultTlsClient {

  private final DtlsCertificate certificate;
  private final int[] offeredProfiles;
  private final boolean sendCertificate;
  private volatile int selectedProfile = -1;
  private volatile byte[] serverCertificateDer;
  private volatile boolean closeNotifyReceived;
  private volatile DtlsSrtpKeys keys;

  TestDtlsClient(DtlsCertificate certificate, int... offeredProfiles) {
    this(certificate, true, offeredProfiles);
  }

  TestDtlsClient(DtlsCertificate certificate, boolean sendCertificate, int... offeredProfiles) {
    super(certificate.crypto());
    this.certificate = certificate;
    this.sendCertificate = sendCertificate;
    this.offeredProfiles = offeredProfiles.clone();
  }

  int selectedProfile() {
    return selectedProfile;
  }

  byte[] serverCertificateDer() {
    return serverCertificateDer;
  }

  boolean closeNotifyReceived() {
    return closeNotifyReceived;
  }

  DtlsSrtpKeys exportKeys() {
    return keys;
  }

  @Override
  public void notifyHandshakeComplete() throws IOException {
    super.notifyHandshakeComplete();
    keys = export();
  }

  /** Exports the keys as RFC 5764 §4.2 says, independently of the server's code. */
  private DtlsSrtpKeys export() {
    int key = selectedProfile == DtlsSrtpKeys.SRTP_AEAD_AES_256_GCM ? 32 : 16;
    int salt =
        selectedProfile == DtlsSrtpKeys.SRTP_AEAD_AES_128_GCM
                || selectedProfile == DtlsSrtpKeys.SRTP_AEAD_AES_256_GCM
            ? 12
            : 14;
    byte[] m = context.exportKeyingMaterial("EXTRACTOR-dtls_srtp", null, 2 * (key + salt));
    return new DtlsSrtpKeys(
        selectedProfile,
        Arrays.copyOfRange(m, 0, key),
        Arrays.copyOfRange(m, key, 2 * key),
        Arrays.copyOfRange(m, 2 * key, 2 * key + salt),
        Arrays.copyOfRange(m, 2 * key + salt, 2 * key + 2 * salt));
  }

  @Override
  protected ProtocolVersion[] getSupportedVersions() {
    return ProtocolVersion.DTLSv12.only();
  }

  @Override
  protected int[] getSupportedCipherSuites() {
    return TlsUtils.getSupportedCipherSuites(
        getCrypto(),
        new int[] {
          CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256,
          CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
          CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        });
  }

  @Override
  public int getHandshakeTimeoutMillis() {
    return 5_000;
  }

  @Override
  public int getHandshakeResendTimeMillis() {
    return 100;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Hashtable getClientExtensions() throws IOException {
    Hashtable extensions = super.getClientExtensions();
    TlsSRTPUtils.addUseSRTPExtension(
        extensions, new UseSRTPData(offeredProfiles, TlsUtils.EMPTY_BYTES));
    return extensions;
  }

  @Override
  public void processServerExtensions(Hashtable serverExtensions) throws IOException {
    super.processServerExtensions(serverExtensions);
    UseSRTPData answer = TlsSRTPUtils.getUseSRTPExtension(serverExtensions);
    if (answer != null && answer.getProtectionProfiles().length == 1) {
      selectedProfile = answer.getProtectionProfiles()[0];
    }
  }

  @Override
  public void notifyAlertReceived(short alertLevel, short alertDescription) {
    if (alertDescription == AlertDescription.close_notify) {
      closeNotifyReceived = true;
    }
  }

  @Override
  public TlsAuthentication getAuthentication() {
    return new TlsAuthentication() {
      @Override
      public void notifyServerCertificate(TlsServerCertificate serverCertificate)
          throws IOException {
        serverCertificateDer = serverCertificate.getCertificate().getCertificateAt(0).getEncoded();
      }

      @Override
      public TlsCredentials getClientCredentials(CertificateRequest certificateRequest) {
        if (!sendCertificate) {
          return null;
        }
        return certificate.signer(
            context, new SignatureAndHashAlgorithm(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa));
      }
    };
  }
}
