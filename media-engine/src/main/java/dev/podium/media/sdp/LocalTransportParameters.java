package dev.podium.media.sdp;

import java.util.Objects;

/**
 * The server's side of the transport written into every answer: ICE-lite credentials (RFC 8445
 * section 5.3), the DTLS certificate fingerprint (RFC 8122 section 5, e.g. sha-256 "AB:CD:...") and
 * the single host candidate all bundled m-lines share.
 */
public record LocalTransportParameters(
    String iceUfrag,
    String icePwd,
    String fingerprintAlgorithm,
    String fingerprint,
    String candidateIp,
    int candidatePort) {

  /** Validates the parameters (ICE ufrag 4+ and pwd 22+ characters per RFC 8839 section 5.4). */
  public LocalTransportParameters {
    Objects.requireNonNull(iceUfrag, "iceUfrag");
    Objects.requireNonNull(icePwd, "icePwd");
    Objects.requireNonNull(fingerprintAlgorithm, "fingerprintAlgorithm");
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(candidateIp, "candidateIp");
    if (iceUfrag.length() < 4 || icePwd.length() < 22) {
      throw new IllegalArgumentException("ICE ufrag needs 4+ and pwd 22+ characters");
    }
    if (candidatePort < 1 || candidatePort > 65535) {
      throw new IllegalArgumentException("candidate port out of range: " + candidatePort);
    }
  }

  /** Whether the candidate address is IPv6. */
  boolean isIpv6() {
    return candidateIp.indexOf(':') >= 0;
  }
}
