package dev.podium.media.net;

import io.netty.buffer.ByteBuf;
import java.net.InetSocketAddress;

/** Receives every datagram of a {@link UdpEndpoint}, on the endpoint's event loop. */
public interface DatagramReceiver {
  /**
   * Handles one datagram. The buffer is released when this returns: retain or copy to keep it. Must
   * not throw; per-packet trouble is counted.
   */
  void onDatagram(ByteBuf content, InetSocketAddress sender);
}
