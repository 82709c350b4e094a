package dev.podium.media.routing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;

/** An {@link RtpSink} that keeps copies of what it is given. */
final class RecordingSink implements RtpSink {
  final List<ByteBuf> rtp = new ArrayList<>();
  final List<ByteBuf> rtcp = new ArrayList<>();
  int transportCcId = -1;

  @Override
  public boolean isReady() {
    return true;
  }

  @Override
  public void sendRtp(ByteBuf packet) {
    rtp.add(Unpooled.copiedBuffer(packet));
    packet.release();
  }

  @Override
  public void sendRtcp(ByteBuf packet) {
    rtcp.add(Unpooled.copiedBuffer(packet));
    packet.release();
  }

  @Override
  public ByteBufAllocator allocator() {
    return ByteBufAllocator.DEFAULT;
  }

  @Override
  public int transportCcExtensionId() {
    return transportCcId;
  }
}
