package dev.podium.bench;

/**
 * Timings of one successful benchmark join, in nanoseconds; "token" is the moment the join message
 * carrying the token was handed to the WebSocket.
 *
 * @param webSocketOpenNanos opening the signaling WebSocket (before the token is sent)
 * @param tokenToJoinedNanos token sent → {@code joined} received
 * @param tokenToAnswerNanos token sent → SDP {@code answer} received (includes createOffer)
 * @param tokenToConnectedNanos token sent → peer connection CONNECTED (ICE + DTLS done)
 * @param connectedAtNanos {@link System#nanoTime()} when CONNECTED was seen
 */
record JoinTiming(
    long webSocketOpenNanos,
    long tokenToJoinedNanos,
    long tokenToAnswerNanos,
    long tokenToConnectedNanos,
    long connectedAtNanos) {}
