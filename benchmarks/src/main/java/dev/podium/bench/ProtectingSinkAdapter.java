package dev.podium.bench;

import dev.podium.media.routing.RtpSink;
import dev.podium.media.srtp.SrtpResult;
import dev.podium.media.srtp.SrtpSession;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * A subscriber sink for benchmarks: with a session it SRTP-protects each packet as {@code
 * WebRtcTransport.send} does, without one it only counts; either way it releases the buffer, which
 * stands for the socket write. Always ready.
 */
class ProtectingSinkAdapter implements RtpSink {
  private final SrtpSession session;
  private final ProtectingSink.Tally tally;

  ProtectingSinkAdapter(SrtpSession session, ProtectingSink.Tally tally) {
    this.session = session;
    this.tally = tally;
  }

  @Override
  public boolean isReady() {
    return true;
  }

  @Override
  public void sendRtp(ByteBuf rtp) {
    if (session != null) {
      rtp.ensureWritable(session.profile().rtpOverhead());
      if (session.protectRtp(rtp) != SrtpResult.OK) {
        tally.failures++;
      }
    }
    tally.packets++;
    tally.bytes += rtp.readableBytes();
    rtp.release();
  }

  @Override
  public void sendRtcp(ByteBuf rtcp) {
    rtcp.release();
  }

  @Override
  public ByteBufAllocator allocator() {
    return ByteBufAllocator.DEFAULT;
  }
}
