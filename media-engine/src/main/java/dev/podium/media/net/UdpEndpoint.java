package dev.podium.media.net;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one UDP port that carries every connection. Reads run on the channel's event loop and are
 * handed to a {@link DatagramReceiver}; writes made on the loop are flushed once per read batch. A
 * per-peer error never closes the channel.
 */
public final class UdpEndpoint implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(UdpEndpoint.class);

  /** Larger than any datagram a WebRTC peer sends (they keep under the path MTU). */
  private static final int MAX_DATAGRAM = 2048;

  private static final int SOCKET_BUFFER_BYTES = 4 * 1024 * 1024;
  private static final int MAX_MESSAGES_PER_READ = 64;

  private final Channel channel;
  private final MediaCounters counters;
  private final AtomicBoolean closed = new AtomicBoolean();

  private UdpEndpoint(Channel channel, MediaCounters counters) {
    this.channel = channel;
    this.counters = counters;
  }

  /** Binds a UDP socket on {@code address} (port 0 picks a free one), served by {@code group}. */
  public static UdpEndpoint bind(
      InetSocketAddress address,
      EventLoopGroup group,
      DatagramReceiver receiver,
      MediaCounters counters)
      throws InterruptedException {
    Bootstrap bootstrap =
        new Bootstrap()
            .group(group)
            .channel(NioDatagramChannel.class)
            .option(ChannelOption.SO_RCVBUF, SOCKET_BUFFER_BYTES)
            .option(ChannelOption.SO_SNDBUF, SOCKET_BUFFER_BYTES)
            .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(MAX_DATAGRAM))
            .option(ChannelOption.MAX_MESSAGES_PER_READ, MAX_MESSAGES_PER_READ)
            .handler(new Handler(receiver, counters));
    Channel channel = bootstrap.bind(address).sync().channel();
    log.info("media UDP endpoint bound to {}", channel.localAddress());
    return new UdpEndpoint(channel, counters);
  }

  public InetSocketAddress localAddress() {
    return (InetSocketAddress) channel.localAddress();
  }

  /** The loop that reads this socket; all per-packet work runs on it. */
  public EventLoop eventLoop() {
    return channel.eventLoop();
  }

  /**
   * Queues a datagram; the endpoint takes ownership of {@code data}. On the event loop the write is
   * flushed at the end of the current read batch (or by {@link #flush()}); from any other thread it
   * is flushed at once.
   */
  public void send(ByteBuf data, InetSocketAddress to) {
    counters.sent(data.readableBytes());
    DatagramPacket packet = new DatagramPacket(data, to);
    if (channel.eventLoop().inEventLoop()) {
      channel.write(packet, channel.voidPromise());
    } else {
      channel.writeAndFlush(packet, channel.voidPromise());
    }
  }

  public void flush() {
    channel.flush();
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      channel.close().syncUninterruptibly();
    }
  }

  private static final class Handler extends SimpleChannelInboundHandler<DatagramPacket> {
    private final DatagramReceiver receiver;
    private final MediaCounters counters;

    Handler(DatagramReceiver receiver, MediaCounters counters) {
      this.receiver = receiver;
      this.counters = counters;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
      ByteBuf content = packet.content();
      counters.received(content.readableBytes());
      try {
        receiver.onDatagram(content, packet.sender());
      } catch (RuntimeException e) {
        // A bug on the per-packet path must not take the port down for everyone.
        counters.internalError();
        log.warn("unexpected error handling a datagram from {}", packet.sender(), e);
      }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      ctx.flush();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      // e.g. ICMP port unreachable surfaced as PortUnreachableException: keep serving.
      log.debug("UDP channel error (ignored): {}", cause.toString());
    }
  }
}
