package dev.podium.media.srtp;

/** Outcome of protecting or unprotecting one packet; anything but {@link #OK} means drop it. */
public enum SrtpResult {
  /** The packet was protected or verified and decrypted. */
  OK,
  /** The tag did not verify (RFC 3711 §3.3 step 5): forged, corrupted or wrong keys. */
  AUTH_FAILED,
  /**
   * The packet index was already received, or is older than the replay window (RFC 3711 §3.3.2).
   */
  REPLAYED,
  /** Too short, not version 2, or header lengths pointing past the end of the packet. */
  MALFORMED,
  /** Protect only: the buffer cannot grow by the profile's overhead. */
  NO_CAPACITY,
  /**
   * Protect only: the packet index space of the master key is used up (2^48 SRTP or 2^31 SRTCP
   * packets, RFC 3711 §9.2); the session must be re-keyed.
   */
  KEY_EXHAUSTED,
  /** The JDK crypto provider failed unexpectedly; should never happen. */
  CRYPTO_ERROR
}
