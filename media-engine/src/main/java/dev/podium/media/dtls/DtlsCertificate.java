package dev.podium.media.dtls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCrypto;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCryptoProvider;

/**
 * The server's ECDSA P-256 self-signed certificate (RFC 8827 §6.5) and its SHA-256 fingerprint for
 * SDP a=fingerprint (RFC 8122 §5).
 *
 * <p>Generate once at start-up (it is slow in a cold JVM) and call {@link #warmUp()}; share the
 * instance across all sessions (it is immutable and thread-safe).
 */
public final class DtlsCertificate {

  /** Which bctls crypto back end signs and encrypts; see {@link #generate()} for the choice. */
  enum CryptoKind {
    /** BouncyCastle's lightweight API ({@link BcTlsCrypto}). */
    BC,
    /** The JDK's JCA providers ({@link JcaTlsCrypto}). */
    JCA
  }

  private static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";
  private static final Duration VALID_BEFORE_NOW = Duration.ofDays(30);
  private static final Duration VALID_AFTER_NOW = Duration.ofDays(365);
  private static final String FINGERPRINT_ALGORITHM = "sha-256";

  /** Handshake 1 costs ~0.5 s cold, 2-3 ~20-50 ms, and about the tenth is near the warm 5 ms. */
  private static final int WARM_UP_HANDSHAKES = 10;

  private final CryptoKind cryptoKind;
  private final TlsCrypto crypto;
  private final PrivateKey jcaPrivateKey;
  private final AsymmetricKeyParameter bcPrivateKey;
  private final byte[] der;
  private final Certificate chain;
  private final String fingerprint;

  private DtlsCertificate(
      CryptoKind cryptoKind, TlsCrypto crypto, PrivateKey privateKey, byte[] der)
      throws IOException {
    this.cryptoKind = cryptoKind;
    this.crypto = crypto;
    this.jcaPrivateKey = privateKey;
    this.bcPrivateKey =
        cryptoKind == CryptoKind.BC ? PrivateKeyFactory.createKey(privateKey.getEncoded()) : null;
    this.der = der.clone();
    this.chain = new Certificate(new TlsCertificate[] {crypto.createCertificate(der)});
    this.fingerprint = CertificateFingerprint.of(FINGERPRINT_ALGORITHM, der);
  }

  /**
   * Generates a fresh P-256 key and self-signed certificate (CN=podium, SHA256withECDSA, random
   * serial, valid from 30 days ago to a year ahead), using the faster measured crypto back end.
   */
  public static DtlsCertificate generate() {
    // BC measured faster: warm in-memory handshake median 4-6 ms vs 8-11 ms for JCA (DtlsTimings).
    return generate(CryptoKind.BC);
  }

  static DtlsCertificate generate(CryptoKind cryptoKind) {
    SecureRandom random = new SecureRandom();
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), random);
      KeyPair keyPair = generator.generateKeyPair();
      Instant now = Instant.now();
      X500Name name = new X500Name("CN=podium");
      byte[] der =
          new JcaX509v3CertificateBuilder(
                  name,
                  new BigInteger(63, random).add(BigInteger.ONE),
                  Date.from(now.minus(VALID_BEFORE_NOW)),
                  Date.from(now.plus(VALID_AFTER_NOW)),
                  name,
                  keyPair.getPublic())
              .build(new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(keyPair.getPrivate()))
              .getEncoded();
      TlsCrypto crypto =
          cryptoKind == CryptoKind.BC
              ? new BcTlsCrypto(random)
              : new JcaTlsCryptoProvider().create(random);
      return new DtlsCertificate(cryptoKind, crypto, keyPair.getPrivate(), der);
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("cannot generate the DTLS certificate", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode the DTLS certificate", e);
    }
  }

  /** The SDP hash function name of {@link #fingerprint()}: {@code "sha-256"}. */
  public String fingerprintAlgorithm() {
    return FINGERPRINT_ALGORITHM;
  }

  /** The SHA-256 fingerprint of the certificate, upper-case hex with colons ("AB:CD:..."). */
  public String fingerprint() {
    return fingerprint;
  }

  /** The DER encoding of the certificate. */
  public byte[] encoded() {
    return der.clone();
  }

  /**
   * Runs one in-memory handshake against this certificate so the first real client does not pay for
   * class loading and JIT (cold signing made libwebrtc resend its ClientHello).
   *
   * @throws IllegalStateException if the loopback handshake fails
   */
  public void warmUp() {
    DtlsWarmUp.run(this, WARM_UP_HANDSHAKES);
  }

  CryptoKind cryptoKind() {
    return cryptoKind;
  }

  TlsCrypto crypto() {
    return crypto;
  }

  Certificate chain() {
    return chain;
  }

  /** Credentials that sign this side's handshake with the certificate's key. */
  TlsCredentialedSigner signer(TlsContext context, SignatureAndHashAlgorithm algorithm) {
    TlsCryptoParameters parameters = new TlsCryptoParameters(context);
    return cryptoKind == CryptoKind.BC
        ? new BcDefaultTlsCredentialedSigner(
            parameters, (BcTlsCrypto) crypto, bcPrivateKey, chain, algorithm)
        : new JcaDefaultTlsCredentialedSigner(
            parameters, (JcaTlsCrypto) crypto, jcaPrivateKey, chain, algorithm);
  }

  @Override
  public String toString() {
    return "DtlsCertificate[" + FINGERPRINT_ALGORITHM + " " + fingerprint + "]";
  }
}
