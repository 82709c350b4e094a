package dev.podium.bench;

import dev.podium.media.routing.RtpSink;
import dev.podium.media.srtp.SrtpResult;
import dev.podium.media.srtp.SrtpSession;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * A subscriber's transport without the socket: protects each forwarded RTP packet with the
 * subscriber's own {@link SrtpSession} as {@code WebRtcTransport.send} does, then counts its bytes
 * (so the JIT cannot drop the work) and releases the buffer, which stands for the socket write.
 * With a null session it is a publisher that is not ready (feedback is released unsent).
 */
final class ProtectingSink implements RtpSink {
  /** What every sink of one benchmark did, read by the benchmark and its checks. */
  static final class Tally {
    long packets;
    long bytes;
    long failures;
  }

  private final SrtpSession session;
  private final ByteBufAllocator allocator;
  private final Tally tally;

  ProtectingSink(SrtpSession session, ByteBufAllocator allocator, Tally tally) {
    this.session = session;
    this.allocator = allocator;
    this.tally = tally;
  }

  @Override
  public boolean isReady() {
    return session != null;
  }

  @Override
  public void sendRtp(ByteBuf rtp) {
    if (session == null) {
      rtp.release();
      return;
    }
    rtp.ensureWritable(session.profile().rtpOverhead());
    SrtpResult result = session.protectRtp(rtp);
    if (result == SrtpResult.OK) {
      tally.packets++;
      tally.bytes += rtp.readableBytes();
    } else {
      tally.failures++;
    }
    rtp.release();
  }

  @Override
  public void sendRtcp(ByteBuf rtcp) {
    rtcp.release();
  }

  @Override
  public ByteBufAllocator allocator() {
    return allocator;
  }
}
