/**
 * RTCP packets (RFC 3550 §6, RFC 4585, RFC 5104, REMB, transport-cc), one record per type behind
 * the sealed {@link dev.podium.media.rtcp.RtcpPacket}, and a compound parser that never throws.
 */
package dev.podium.media.rtcp;
