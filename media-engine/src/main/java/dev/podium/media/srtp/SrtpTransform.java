package dev.podium.media.srtp;

import java.security.GeneralSecurityException;

/**
 * The cryptographic transform of one profile, on packets held in a byte array. The caller ({@link
 * SrtpSession}) has parsed the header, chosen the packet index and made room for the trailer; the
 * transform only encrypts, decrypts, tags and verifies.
 */
interface SrtpTransform {

  /**
   * Encrypts the payload of the RTP packet in {@code a[off, off + length)} in place and writes the
   * tag at {@code a[off + length]}.
   */
  void protectRtp(byte[] a, int off, int headerLength, int length, int ssrc, long index)
      throws GeneralSecurityException;

  /**
   * Verifies the SRTP packet in {@code a[off, off + length)} (tag included) and, if authentic,
   * decrypts its payload in place. Returns false, with no plaintext released, if the tag is wrong.
   */
  boolean unprotectRtp(byte[] a, int off, int headerLength, int length, int ssrc, long index)
      throws GeneralSecurityException;

  /**
   * Encrypts the RTCP packet in {@code a[off, off + length)} after its first 8 bytes and appends
   * the E-flag/index word and the tag in the profile's order.
   */
  void protectRtcp(byte[] a, int off, int length, int ssrc, int index)
      throws GeneralSecurityException;

  /** Offset, from the packet start, of the E-flag/SRTCP index word in an SRTCP packet. */
  int rtcpIndexOffset(int length);

  /**
   * Verifies the SRTCP packet in {@code a[off, off + length)} (trailer included) and, if it is
   * authentic and {@code encrypted}, decrypts it in place.
   */
  boolean unprotectRtcp(byte[] a, int off, int length, int ssrc, int index, boolean encrypted)
      throws GeneralSecurityException;
}
