package dev.podium.loadkit;

import dev.podium.media.dtls.DtlsSrtpKeys;
import java.io.IOException;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.Locale;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;

/**
 * The DTLS-SRTP client of a light peer (RFC 5763 §5, RFC 5764 §4.1): DTLS 1.2, ECDHE_ECDSA,
 * use_srtp offering AEAD_AES_128_GCM then AES128_CM_HMAC_SHA1_80, the shared P-256 client
 * certificate, and a check of the server's certificate against the answer's a=fingerprint
 * (sha-256).
 */
final class LightDtlsClient extends DefaultTlsClient {

  private static final int HANDSHAKE_TIMEOUT_MILLIS = 10_000;
  private static final int RESEND_MILLIS = 200;
  private static final String EXPORTER_LABEL = "EXTRACTOR-dtls_srtp";

  private final ClientCertificate certificate;
  private final String expectedServerFingerprint;
  private volatile int selectedProfile = -1;
  private volatile DtlsSrtpKeys keys;
  private volatile boolean closeNotifyReceived;

  LightDtlsClient(ClientCertificate certificate, String expectedServerFingerprint) {
    super(certificate.crypto());
    this.certificate = certificate;
    this.expectedServerFingerprint = expectedServerFingerprint;
  }

  /** The keys exported once the handshake completed; null before. */
  DtlsSrtpKeys keys() {
    return keys;
  }

  boolean closeNotifyReceived() {
    return closeNotifyReceived;
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
          CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
          CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
        });
  }

  @Override
  public int getHandshakeTimeoutMillis() {
    return HANDSHAKE_TIMEOUT_MILLIS;
  }

  @Override
  public int getHandshakeResendTimeMillis() {
    return RESEND_MILLIS;
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
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
  @SuppressWarnings("rawtypes")
  public void processServerExtensions(Hashtable serverExtensions) throws IOException {
    super.processServerExtensions(serverExtensions);
    UseSRTPData answer = TlsSRTPUtils.getUseSRTPExtension(serverExtensions);
    if (answer == null || answer.getProtectionProfiles().length != 1) {
      throw new TlsFatalAlert(AlertDescription.illegal_parameter);
    }
    selectedProfile = answer.getProtectionProfiles()[0];
  }

  @Override
  public void notifyHandshakeComplete() throws IOException {
    super.notifyHandshakeComplete();
    keys = export();
  }

  @Override
  public void notifyAlertReceived(short alertLevel, short alertDescription) {
    if (alertDescription == AlertDescription.close_notify) {
      closeNotifyReceived = true;
    }
  }

  /** RFC 5764 §4.2: client key, server key, client salt, server salt. */
  private DtlsSrtpKeys export() throws TlsFatalAlert {
    int key;
    int salt;
    switch (selectedProfile) {
      case DtlsSrtpKeys.SRTP_AEAD_AES_128_GCM -> {
        key = 16;
        salt = 12;
      }
      case DtlsSrtpKeys.SRTP_AES128_CM_HMAC_SHA1_80 -> {
        key = 16;
        salt = 14;
      }
      default -> throw new TlsFatalAlert(AlertDescription.illegal_parameter);
    }
    byte[] m = context.exportKeyingMaterial(EXPORTER_LABEL, null, 2 * (key + salt));
    return new DtlsSrtpKeys(
        selectedProfile,
        Arrays.copyOfRange(m, 0, key),
        Arrays.copyOfRange(m, key, 2 * key),
        Arrays.copyOfRange(m, 2 * key, 2 * key + salt),
        Arrays.copyOfRange(m, 2 * key + salt, 2 * (key + salt)));
  }

  @Override
  public TlsAuthentication getAuthentication() {
    return new TlsAuthentication() {
      @Override
      public void notifyServerCertificate(TlsServerCertificate serverCertificate)
          throws IOException {
        if (serverCertificate.getCertificate().isEmpty()) {
          throw new TlsFatalAlert(AlertDescription.bad_certificate);
        }
        byte[] der = serverCertificate.getCertificate().getCertificateAt(0).getEncoded();
        String actual = ClientCertificate.sha256Fingerprint(der);
        if (!actual.equals(expectedServerFingerprint.toUpperCase(Locale.ROOT))) {
          throw new TlsFatalAlert(AlertDescription.bad_certificate);
        }
      }

      @Override
      public TlsCredentials getClientCredentials(CertificateRequest certificateRequest) {
        return certificate.signer(context);
      }
    };
  }
}
