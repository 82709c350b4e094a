package dev.podium.server.api;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.EventExecutorGroup;
import java.util.Objects;

/**
 * The HTTP pipeline, as a recipe: TLS (optional) → HTTP codec → keep-alive → aggregator (64 KiB,
 * JSON 413 beyond) → extension handlers (signaling) → control API handler on its own executors,
 * since it writes to the store.
 */
public final class HttpServerInitializer extends ChannelInitializer<SocketChannel> {
  /** Largest request body accepted. */
  public static final int MAX_BODY_BYTES = 64 * 1024;

  /** Longest request line (method, URI, version). */
  static final int MAX_INITIAL_LINE = 4096;

  /** Largest header block. */
  static final int MAX_HEADER_BYTES = 8192;

  /** Largest chunk the codec hands on at once. */
  static final int MAX_CHUNK_BYTES = 8192;

  /** A connection idle this long (no read, no write) is closed. */
  static final int IDLE_SECONDS = 120;

  private final SslContext tls;
  private final ApiHttpHandler api;
  private final EventExecutorGroup apiExecutors;
  private final HttpPipelineExtension extension;
  private final ChannelGroup channels;

  /**
   * @param tls null for plain HTTP
   * @param extension null when nothing but the control API is served
   * @param channels every accepted connection is added, so that shutdown can close them
   */
  public HttpServerInitializer(
      SslContext tls,
      ApiHttpHandler api,
      EventExecutorGroup apiExecutors,
      HttpPipelineExtension extension,
      ChannelGroup channels) {
    this.tls = tls;
    this.api = Objects.requireNonNull(api, "api");
    this.apiExecutors = Objects.requireNonNull(apiExecutors, "apiExecutors");
    this.extension = extension;
    this.channels = Objects.requireNonNull(channels, "channels");
  }

  @Override
  protected void initChannel(SocketChannel channel) {
    channels.add(channel);
    ChannelPipeline p = channel.pipeline();
    if (tls != null) {
      p.addLast("tls", tls.newHandler(channel.alloc()));
    }
    p.addLast(
        "idle",
        new IdleStateHandler(0, 0, IDLE_SECONDS) {
          @Override
          protected void channelIdle(
              io.netty.channel.ChannelHandlerContext ctx,
              io.netty.handler.timeout.IdleStateEvent e) {
            ctx.close();
          }
        });
    p.addLast("http", new HttpServerCodec(MAX_INITIAL_LINE, MAX_HEADER_BYTES, MAX_CHUNK_BYTES));
    p.addLast("keep-alive", new HttpServerKeepAliveHandler());
    p.addLast("aggregator", new JsonObjectAggregator(MAX_BODY_BYTES, api));
    if (extension != null) {
      extension.addHandlers(p);
    }
    p.addLast(apiExecutors, "api", api);
  }
}
