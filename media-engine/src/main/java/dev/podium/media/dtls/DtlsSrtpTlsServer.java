package dev.podium.media.dtls;

import java.io.IOException;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.Vector;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.AlertLevel;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.ClientCertificateType;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bctls server policy of one DTLS-SRTP connection: DTLS 1.2 only (RFC 6347), ECDHE_ECDSA
 * suites, use_srtp negotiation by server preference (RFC 5764 §4.1.1), a mandatory client
 * certificate checked against the SDP fingerprint (RFC 8842 §5, RFC 8122 §5) and extended master
 * secret (RFC 7627, which bctls requires for key export).
 */
final class DtlsSrtpTlsServer extends DefaultTlsServer {

  private static final Logger LOG = LoggerFactory.getLogger(DtlsSrtpTlsServer.class);

  /** Server preference order; filtered by what the crypto back end supports. */
  private static final int[] CIPHER_SUITES = {
    CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
    CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
    CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
    CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256,
  };

  private static final SignatureAndHashAlgorithm ECDSA_SHA256 =
      new SignatureAndHashAlgorithm(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa);

  /**
   * First retransmission of our flight when the client's next flight is missing, doubling after
   * (RFC 6347 §4.2.4.1 suggests 1 s; loopback and LAN round trips are far shorter, and libwebrtc
   * itself starts at 50 ms).
   */
  static final int INITIAL_RESEND_MILLIS = 200;

  private final DtlsCertificate certificate;
  private final String expectedFingerprintAlgorithm;
  private final String expectedFingerprint;
  private final int[] preferredProfiles;
  private final int handshakeTimeoutMillis;

  private volatile int selectedProfile = -1;
  private volatile String failureReason;
  private volatile boolean closeNotifyReceived;
  private volatile DtlsSrtpKeys keys;

  DtlsSrtpTlsServer(
      DtlsCertificate certificate,
      String expectedFingerprintAlgorithm,
      String expectedFingerprint,
      int[] preferredProfiles,
      int handshakeTimeoutMillis) {
    super(certificate.crypto());
    this.certificate = certificate;
    this.expectedFingerprintAlgorithm = expectedFingerprintAlgorithm;
    this.expectedFingerprint = expectedFingerprint;
    this.preferredProfiles = preferredProfiles.clone();
    this.handshakeTimeoutMillis = handshakeTimeoutMillis;
  }

  /** The negotiated use_srtp profile, or -1 before the ClientHello was accepted. */
  int selectedProfile() {
    return selectedProfile;
  }

  /** Why this policy rejected the handshake, or null if it did not. */
  String failureReason() {
    return failureReason;
  }

  boolean closeNotifyReceived() {
    return closeNotifyReceived;
  }

  /** The SRTP keys, once the handshake completed; null before. */
  DtlsSrtpKeys keys() {
    return keys;
  }

  @Override
  public void notifyHandshakeComplete() throws IOException {
    super.notifyHandshakeComplete();
    // bctls allows keying material export only from inside this callback.
    keys = exportKeys();
  }

  /** Exports the SRTP master keys and salts (RFC 5764 §4.2). */
  private DtlsSrtpKeys exportKeys() {
    int profile = selectedProfile;
    int keyLength = SrtpProfileLengths.keyLength(profile);
    int saltLength = SrtpProfileLengths.saltLength(profile);
    byte[] material =
        context.exportKeyingMaterial("EXTRACTOR-dtls_srtp", null, 2 * (keyLength + saltLength));
    try {
      int at = 0;
      byte[] clientKey = Arrays.copyOfRange(material, at, at += keyLength);
      byte[] serverKey = Arrays.copyOfRange(material, at, at += keyLength);
      byte[] clientSalt = Arrays.copyOfRange(material, at, at += saltLength);
      byte[] serverSalt = Arrays.copyOfRange(material, at, at + saltLength);
      return new DtlsSrtpKeys(profile, clientKey, serverKey, clientSalt, serverSalt);
    } finally {
      Arrays.fill(material, (byte) 0);
    }
  }

  /** The negotiated cipher suite's name, for logs. */
  String cipherSuiteName() {
    int suite = context.getSecurityParametersConnection().getCipherSuite();
    return switch (suite) {
      case CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 -> "ECDHE_ECDSA_AES_128_GCM_SHA256";
      case CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384 -> "ECDHE_ECDSA_AES_256_GCM_SHA384";
      case CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256 ->
          "ECDHE_ECDSA_CHACHA20_POLY1305_SHA256";
      case CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256 -> "ECDHE_ECDSA_AES_128_CBC_SHA256";
      default -> String.format("0x%04X", suite);
    };
  }

  @Override
  protected ProtocolVersion[] getSupportedVersions() {
    return ProtocolVersion.DTLSv12.only();
  }

  @Override
  protected int[] getSupportedCipherSuites() {
    return TlsUtils.getSupportedCipherSuites(getCrypto(), CIPHER_SUITES);
  }

  @Override
  protected boolean preferLocalCipherSuites() {
    return true;
  }

  @Override
  public int getHandshakeTimeoutMillis() {
    return handshakeTimeoutMillis;
  }

  @Override
  public int getHandshakeResendTimeMillis() {
    return INITIAL_RESEND_MILLIS;
  }

  @Override
  public boolean requiresExtendedMasterSecret() {
    return true;
  }

  @Override
  public void processClientExtensions(Hashtable clientExtensions) throws IOException {
    super.processClientExtensions(clientExtensions);
    UseSRTPData offered = TlsSRTPUtils.getUseSRTPExtension(clientExtensions);
    if (offered == null) {
      throw reject(AlertDescription.handshake_failure, "client did not offer use_srtp");
    }
    int[] clientProfiles = offered.getProtectionProfiles();
    for (int profile : preferredProfiles) {
      for (int clientProfile : clientProfiles) {
        if (profile == clientProfile) {
          selectedProfile = profile;
          return;
        }
      }
    }
    throw reject(
        AlertDescription.handshake_failure,
        "no common SRTP protection profile (client offered "
            + describeProfiles(clientProfiles)
            + ", server accepts "
            + describeProfiles(preferredProfiles)
            + ")");
  }

  @Override
  @SuppressWarnings("unchecked")
  public Hashtable getServerExtensions() throws IOException {
    Hashtable extensions = super.getServerExtensions();
    // RFC 5764 §4.1.1: answer exactly one profile; we use no MKI, so the srtp_mki is empty.
    TlsSRTPUtils.addUseSRTPExtension(
        extensions, new UseSRTPData(new int[] {selectedProfile}, TlsUtils.EMPTY_BYTES));
    return extensions;
  }

  @Override
  protected TlsCredentialedSigner getECDSASignerCredentials() throws IOException {
    Vector clientSigAlgs = context.getSecurityParametersHandshake().getClientSigAlgs();
    if (clientSigAlgs != null
        && !TlsUtils.containsSignatureAlgorithm(clientSigAlgs, ECDSA_SHA256)) {
      throw reject(
          AlertDescription.handshake_failure,
          "client does not accept ECDSA with SHA-256 signatures");
    }
    return certificate.signer(context, ECDSA_SHA256);
  }

  @Override
  public CertificateRequest getCertificateRequest() {
    // RFC 8827 §6.5: both sides present (self-signed) certificates; only the fingerprint matters.
    short[] types = {ClientCertificateType.ecdsa_sign, ClientCertificateType.rsa_sign};
    return new CertificateRequest(
        types, TlsUtils.getDefaultSupportedSignatureAlgorithms(context), null);
  }

  @Override
  public void notifyClientCertificate(Certificate clientCertificate) throws IOException {
    if (clientCertificate == null || clientCertificate.isEmpty()) {
      throw reject(AlertDescription.handshake_failure, "client sent no certificate");
    }
    byte[] leaf = clientCertificate.getCertificateAt(0).getEncoded();
    String actual = CertificateFingerprint.of(expectedFingerprintAlgorithm, leaf);
    if (!CertificateFingerprint.matches(expectedFingerprint, actual)) {
      throw reject(
          AlertDescription.bad_certificate, "certificate fingerprint does not match the SDP");
    }
  }

  @Override
  public void notifyAlertReceived(short alertLevel, short alertDescription) {
    if (alertDescription == AlertDescription.close_notify) {
      closeNotifyReceived = true;
    }
    if (alertLevel == AlertLevel.fatal) {
      LOG.debug("DTLS peer sent fatal alert {}", AlertDescription.getText(alertDescription));
    }
  }

  @Override
  public void notifyAlertRaised(
      short alertLevel, short alertDescription, String message, Throwable cause) {
    if (alertLevel == AlertLevel.fatal) {
      LOG.debug(
          "DTLS fatal alert {} raised: {}", AlertDescription.getText(alertDescription), message);
    }
  }

  private TlsFatalAlert reject(short alertDescription, String reason) {
    failureReason = reason;
    return new TlsFatalAlert(alertDescription, reason);
  }

  private static String describeProfiles(int[] profiles) {
    StringBuilder text = new StringBuilder("[");
    for (int profile : profiles) {
      if (text.length() > 1) {
        text.append(", ");
      }
      text.append(SrtpProfileLengths.name(profile));
    }
    return text.append(']').toString();
  }
}
