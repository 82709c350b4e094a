package dev.podium.media.sdp;

/** A client-sent SSRC announced with a=ssrc and its RTX SSRC from a FID group (0 when none). */
public record IncomingSsrc(long ssrc, long rtxSsrc) {}
