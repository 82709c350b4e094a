package dev.podium.media.routing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Where a consumer's rewritten packets go (a subscriber's transport) and where a producer's
 * feedback goes (its publisher's transport).
 */
public interface RtpSink {
  /** True once packets can be sent (DTLS done). */
  boolean isReady();

  /** Sends one plain RTP packet; takes ownership of the buffer. */
  void sendRtp(ByteBuf rtp);

  /** Sends one plain RTCP compound packet; takes ownership of the buffer. */
  void sendRtcp(ByteBuf rtcp);

  ByteBufAllocator allocator();

  /**
   * The id the subscriber negotiated for transport-wide sequence numbers
   * (draft-holmer-rmcat-transport-wide-cc-extensions-01), or -1: consumers then write the extension
   * element and the sink fills in the number when it sends.
   */
  default int transportCcExtensionId() {
    return -1;
  }
}
