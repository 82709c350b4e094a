package dev.podium.app.client;

import dev.onvoid.webrtc.PortAllocatorConfig;
import dev.onvoid.webrtc.RTCBundlePolicy;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCRtcpMuxPolicy;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * The peer connection configuration for a Podium server: everything on one BUNDLE transport with
 * rtcp-mux (the server has one UDP socket), UDP host candidates only (the server is ICE-lite and
 * needs no STUN/TURN). For a server on a loopback address, gathering is restricted to the
 * any-address so checks to 127.0.0.1 leave from 127.0.0.1 (libwebrtc gathers no loopback candidates
 * and would otherwise use the machine's other interfaces).
 */
final class RtcConfigurations {

  private RtcConfigurations() {}

  static RTCConfiguration forServer(URI signalingUrl, SessionOptions options) {
    boolean loopback =
        switch (options.icePolicy()) {
          case LOOPBACK -> true;
          case HOST -> false;
          case AUTO -> isLoopbackHost(signalingUrl.getHost());
        };
    PortAllocatorConfig ports =
        new PortAllocatorConfig().setDisableTcp(true).setDisableStun(true).setDisableRelay(true);
    if (loopback) {
      ports.setDisableAdapterEnumeration(true).setEnableAnyAddressPorts(true);
    }
    ports.minPort = options.minPort();
    ports.maxPort = options.maxPort();
    RTCConfiguration config = new RTCConfiguration();
    config.bundlePolicy = RTCBundlePolicy.MAX_BUNDLE;
    config.rtcpMuxPolicy = RTCRtcpMuxPolicy.REQUIRE;
    config.iceServers.clear();
    config.portAllocatorConfig = ports;
    return config;
  }

  /** True for "localhost" and loopback IP literals; never resolves other names. */
  static boolean isLoopbackHost(String host) {
    if (host == null) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    if (h.equals("localhost") || h.endsWith(".localhost")) {
      return true;
    }
    if (!h.matches("[0-9.]+|[0-9a-f:]+")) {
      return false;
    }
    try {
      return InetAddress.getByName(h).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
