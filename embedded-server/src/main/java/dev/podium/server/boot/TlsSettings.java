package dev.podium.server.boot;

import java.nio.file.Path;

/**
 * TLS for the HTTP/WebSocket port: PEM files, or both null for a self-signed certificate generated
 * at start (its SHA-256 fingerprint is printed so clients can pin it).
 *
 * @param certificateChain PEM certificate chain, or null
 * @param privateKey PEM PKCS#8 private key, or null
 */
public record TlsSettings(Path certificateChain, Path privateKey) {

  public TlsSettings {
    if ((certificateChain == null) != (privateKey == null)) {
      throw new IllegalArgumentException("give both the TLS certificate and its key, or neither");
    }
  }

  /** A certificate generated at start. */
  public static TlsSettings selfSigned() {
    return new TlsSettings(null, null);
  }

  public boolean isSelfSigned() {
    return certificateChain == null;
  }
}
