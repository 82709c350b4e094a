/**
 * SDP for Podium's ICE-lite server: a model and parser for offers (RFC 8866, JSEP RFC 8829) and an
 * answerer that accepts only what the media engine supports (BUNDLE RFC 8843, rtcp-mux RFC 5761,
 * DTLS passive RFC 4145/8122, simulcast RFC 8853 with rids RFC 8851).
 */
package dev.podium.media.sdp;
