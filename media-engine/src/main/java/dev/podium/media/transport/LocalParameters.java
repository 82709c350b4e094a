package dev.podium.media.transport;

import dev.podium.media.ice.IceCredentials;

/**
 * What the server puts into its SDP answer for one transport: ICE credentials, the DTLS certificate
 * fingerprint and the single host candidate (ICE-lite, RFC 8445 §2.5).
 */
public record LocalParameters(
    IceCredentials ice,
    String fingerprintAlgorithm,
    String fingerprint,
    String candidateIp,
    int candidatePort) {}
