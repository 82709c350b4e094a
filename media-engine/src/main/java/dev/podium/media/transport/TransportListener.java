package dev.podium.media.transport;

import io.netty.buffer.ByteBuf;

/**
 * Events of one {@link WebRtcTransport}, always called on the media event loop. Buffers passed to
 * {@code onRtp}/{@code onRtcp} hold the decrypted packet and are released when the call returns:
 * copy or retain what must outlive it.
 */
public interface TransportListener {
  void onTransportConnected(WebRtcTransport transport);

  void onRtp(WebRtcTransport transport, ByteBuf rtp);

  void onRtcp(WebRtcTransport transport, ByteBuf rtcp);

  void onTransportClosed(WebRtcTransport transport, String reason);
}
