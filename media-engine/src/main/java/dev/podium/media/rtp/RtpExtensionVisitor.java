package dev.podium.media.rtp;

import io.netty.buffer.ByteBuf;

/** Receives each header extension element of an RTP packet in wire order (RFC 8285 §4). */
@FunctionalInterface
public interface RtpExtensionVisitor {
  /**
   * Called once per element; the value is {@code length} bytes of {@code buffer} starting at the
   * absolute {@code index}. The bytes are only valid during the call unless the buffer is retained.
   */
  void visit(int id, ByteBuf buffer, int index, int length);
}
