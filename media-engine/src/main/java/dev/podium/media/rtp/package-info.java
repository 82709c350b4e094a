/**
 * RTP packets as allocation-light views over Netty buffers (RFC 3550 §5), header extensions (RFC
 * 8285) and sequence-number arithmetic. SSRCs and timestamps are unsigned 32-bit values in longs.
 */
package dev.podium.media.rtp;
