package dev.podium.media.srtp;

/**
 * The session keys of one SRTP crypto context (RFC 3711 §4.3): encryption key, salt and (for
 * AES-CM/HMAC profiles) authentication key, separately for SRTP and SRTCP. Auth keys are empty
 * arrays for AEAD profiles.
 */
record SrtpSessionKeys(
    byte[] rtpKey,
    byte[] rtpSalt,
    byte[] rtpAuthKey,
    byte[] rtcpKey,
    byte[] rtcpSalt,
    byte[] rtcpAuthKey) {}
