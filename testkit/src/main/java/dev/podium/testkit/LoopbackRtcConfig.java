package dev.podium.testkit;

import dev.onvoid.webrtc.PortAllocatorConfig;
import dev.onvoid.webrtc.RTCBundlePolicy;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCRtcpMuxPolicy;

/**
 * The webrtc-java peer connection configuration that keeps a test peer's packets on loopback when
 * the JVM runs inside {@code tools/loopback-only} and the server offers a 127.0.0.1 ICE-lite
 * candidate.
 *
 * <p>libwebrtc gathers no 127.0.0.1 candidates; with adapter enumeration disabled and "any address"
 * ports enabled it binds 0.0.0.0 and its checks to the server's 127.0.0.1 candidate leave from
 * 127.0.0.1. TCP, STUN and TURN are off, so nothing else is contacted. BUNDLE everything on one
 * transport (the ICE-lite server has one socket) and require rtcp-mux.
 */
public final class LoopbackRtcConfig {

  private LoopbackRtcConfig() {}

  /** UDP-only host candidates on the any-address, no STUN/TURN/TCP; ports in range if non-zero. */
  public static PortAllocatorConfig portAllocator(int minPort, int maxPort) {
    PortAllocatorConfig ports =
        new PortAllocatorConfig()
            .setDisableTcp(true)
            .setDisableStun(true)
            .setDisableRelay(true)
            .setDisableAdapterEnumeration(true)
            .setEnableAnyAddressPorts(true);
    ports.minPort = minPort;
    ports.maxPort = maxPort;
    return ports;
  }

  /** A configuration with max-bundle, rtcp-mux required, no ICE servers, {@link #portAllocator}. */
  public static RTCConfiguration rtcConfiguration(int minPort, int maxPort) {
    RTCConfiguration config = new RTCConfiguration();
    config.bundlePolicy = RTCBundlePolicy.MAX_BUNDLE;
    config.rtcpMuxPolicy = RTCRtcpMuxPolicy.REQUIRE;
    config.iceServers.clear();
    config.portAllocatorConfig = portAllocator(minPort, maxPort);
    return config;
  }
}
