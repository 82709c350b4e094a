/**
 * The Podium client SDK: one {@link dev.podium.app.client.MeetingSession} per attendee, built on
 * one webrtc-java {@code RTCPeerConnection} and the signaling WebSocket. No JavaFX here, so bots,
 * tests and load tools can use it too.
 *
 * <p>Threads: every {@link dev.podium.app.client.MeetingSessionObserver} callback, data-message
 * listener, video-frame listener and future returned by the session completes on the session's one
 * event thread ({@code podium-session-N-events}), in the order the events happened; never on a
 * webrtc-java native thread nor on the WebSocket thread. A slow observer delays later events of its
 * own session only. Public methods may be called from any thread (including the event thread).
 */
package dev.podium.app.client;
