/**
 * Light receive-only WebRTC peers for scale tests and benchmarks, built on Podium's own
 * media-engine classes (STUN, DTLS-SRTP, SRTP, SDP) instead of libwebrtc: hundreds of viewers can
 * join a real Podium server from one JVM.
 *
 * <p>{@link dev.podium.loadkit.LightPeerEngine} owns the shared threads, {@link
 * dev.podium.loadkit.LightPeer} is one peer connection (ICE controlling agent, DTLS client, SRTP
 * receiver with per-SSRC counters) and {@link dev.podium.loadkit.LightViewer} joins one through
 * Podium's signaling.
 */
package dev.podium.loadkit;
