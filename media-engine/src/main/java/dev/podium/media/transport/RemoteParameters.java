package dev.podium.media.transport;

import dev.podium.media.ice.IceCredentials;

/** The client's ICE credentials and DTLS fingerprint, taken from its SDP offer. */
public record RemoteParameters(
    IceCredentials ice, String fingerprintAlgorithm, String fingerprint) {}
