package dev.podium.media.transport;

/**
 * Settings of the transports of one media engine.
 *
 * @param announcedIp the address written in the ICE candidate (the bind address, or the public
 *     address behind a NAT)
 * @param srtpProfiles use_srtp profile ids in the server's order of preference (RFC 5764 §4.1.2)
 * @param consentTimeoutMillis silence after which a connection is dropped (RFC 7675 §5.1: 30 s)
 * @param dtlsHandshakeTimeoutMillis how long a DTLS handshake may take before the connection fails
 */
public record TransportConfig(
    String announcedIp,
    int[] srtpProfiles,
    long consentTimeoutMillis,
    long dtlsHandshakeTimeoutMillis) {

  /** SRTP_AEAD_AES_128_GCM first (cheaper per byte and authenticated), then AES-CM + HMAC-SHA1. */
  public static final int[] DEFAULT_SRTP_PROFILES = {0x0007, 0x0001};

  public static TransportConfig defaults(String announcedIp) {
    return new TransportConfig(announcedIp, DEFAULT_SRTP_PROFILES, 30_000, 10_000);
  }
}
