package dev.podium.loadkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
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
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * The light peers' ECDSA P-256 self-signed DTLS certificate (RFC 8827 §6.5) with its SHA-256
 * fingerprint for a=fingerprint (RFC 8122 §5). One instance is shared by all peers of an engine:
 * the server only checks that the handshake's certificate matches the offer's fingerprint.
 */
final class ClientCertificate {

  private final BcTlsCrypto crypto;
  private final AsymmetricKeyParameter privateKey;
  private final Certificate chain;
  private final String fingerprint;

  private ClientCertificate(
      BcTlsCrypto crypto, AsymmetricKeyParameter privateKey, byte[] der, String fingerprint)
      throws IOException {
    this.crypto = crypto;
    this.privateKey = privateKey;
    this.chain = new Certificate(new TlsCertificate[] {crypto.createCertificate(der)});
    this.fingerprint = fingerprint;
  }

  static ClientCertificate generate() {
    SecureRandom random = new SecureRandom();
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), random);
      KeyPair keyPair = generator.generateKeyPair();
      Instant now = Instant.now();
      X500Name name = new X500Name("CN=podium-light-peer");
      byte[] der =
          new JcaX509v3CertificateBuilder(
                  name,
                  new BigInteger(63, random).add(BigInteger.ONE),
                  Date.from(now.minus(Duration.ofDays(1))),
                  Date.from(now.plus(Duration.ofDays(30))),
                  name,
                  keyPair.getPublic())
              .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keyPair.getPrivate()))
              .getEncoded();
      return new ClientCertificate(
          new BcTlsCrypto(random),
          PrivateKeyFactory.createKey(keyPair.getPrivate().getEncoded()),
          der,
          sha256Fingerprint(der));
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("cannot generate the light peer certificate", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode the light peer certificate", e);
    }
  }

  /** Upper-case hex bytes joined by colons, as a=fingerprint carries them (RFC 8122 §5). */
  static String sha256Fingerprint(byte[] der) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(der);
      StringBuilder text = new StringBuilder(digest.length * 3);
      for (byte b : digest) {
        if (text.length() > 0) {
          text.append(':');
        }
        text.append(String.format("%02X", b & 0xFF));
      }
      return text.toString();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("JDK lacks SHA-256", e);
    }
  }

  BcTlsCrypto crypto() {
    return crypto;
  }

  String fingerprint() {
    return fingerprint;
  }

  TlsCredentialedSigner signer(TlsContext context) {
    return new BcDefaultTlsCredentialedSigner(
        new TlsCryptoParameters(context),
        crypto,
        privateKey,
        chain,
        new SignatureAndHashAlgorithm(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa));
  }
}
