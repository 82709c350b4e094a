package dev.podium.server.signaling;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;

/**
 * Answers a plain HTTP request on the signaling path with a JSON error in the control API's shape
 * (instead of Netty's bare "not a WebSocket handshake request").
 */
final class UpgradeRequiredGuard extends ChannelInboundHandlerAdapter {
  private final String pathPrefix;

  UpgradeRequiredGuard(String pathPrefix) {
    this.pathPrefix = pathPrefix;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof FullHttpRequest request
        && request.uri().startsWith(pathPrefix)
        && !request.headers().containsValue(HttpHeaderNames.UPGRADE, "websocket", true)) {
      ReferenceCountUtil.release(msg);
      byte[] body =
          ("{\"Code\":\"BadRequest\",\"Message\":\"the signaling URL takes a WebSocket upgrade"
                  + " (see docs/signaling.md)\"}")
              .getBytes(StandardCharsets.UTF_8);
      FullHttpResponse response =
          new DefaultFullHttpResponse(
              HttpVersion.HTTP_1_1, HttpResponseStatus.BAD_REQUEST, Unpooled.wrappedBuffer(body));
      response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
      HttpUtil.setContentLength(response, body.length);
      ctx.writeAndFlush(response);
      return;
    }
    ctx.fireChannelRead(msg);
  }
}
