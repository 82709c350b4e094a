package dev.podium.media;

import dev.podium.media.transport.TransportConfig;
import java.net.InetSocketAddress;

/**
 * Settings of a {@link MediaEngine}.
 *
 * @param bindAddress the UDP address to bind (port 0 picks a free port)
 * @param transport transport settings, including the address announced in ICE candidates
 */
public record MediaEngineConfig(InetSocketAddress bindAddress, TransportConfig transport) {

  /** A media engine on {@code host:port} that announces {@code host} as its candidate. */
  public static MediaEngineConfig of(String host, int port) {
    return new MediaEngineConfig(new InetSocketAddress(host, port), TransportConfig.defaults(host));
  }
}
