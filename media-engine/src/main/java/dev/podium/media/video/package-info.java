/**
 * Codec payload knowledge the router needs to switch simulcast layers: VP8 payload descriptor
 * parsing and rewriting (RFC 7741) and keyframe detection for VP8 and H.264 (RFC 6184).
 */
package dev.podium.media.video;
