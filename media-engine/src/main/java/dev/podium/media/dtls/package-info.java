/**
 * DTLS 1.2 server side of DTLS-SRTP (RFC 6347, RFC 5764, RFC 8842) on BouncyCastle bctls, for a
 * server whose one UDP socket carries every connection.
 */
package dev.podium.media.dtls;
