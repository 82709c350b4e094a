package dev.podium.media.sdp;

/** An {@code a=fingerprint} of a DTLS certificate (RFC 8122 section 5), e.g. sha-256 AB:CD:... */
public record Fingerprint(String algorithm, String value) {}
