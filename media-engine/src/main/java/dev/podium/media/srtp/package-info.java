/**
 * SRTP and SRTCP (RFC 3711) for the two DTLS-SRTP profiles Podium negotiates:
 * AES128_CM_HMAC_SHA1_80 and AEAD_AES_128_GCM (RFC 7714), built on the JDK's javax.crypto.
 *
 * <p>{@link dev.podium.media.srtp.SrtpSession} is the entry point: one instance per direction of a
 * DTLS-SRTP association, driven from one event loop.
 */
package dev.podium.media.srtp;
