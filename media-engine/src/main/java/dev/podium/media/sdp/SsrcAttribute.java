package dev.podium.media.sdp;

/** An {@code a=ssrc} line (RFC 5576 section 4.1), e.g. {@code cname} or {@code msid}. */
public record SsrcAttribute(long ssrc, String attribute, String value) {}
