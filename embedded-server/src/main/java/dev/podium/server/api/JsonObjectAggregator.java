package dev.podium.server.api;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * An {@link HttpObjectAggregator} that refuses a body over the limit with a JSON 413 (Netty's own
 * answer has no body), then closes the connection since the rest of the body is unread.
 */
final class JsonObjectAggregator extends HttpObjectAggregator {
  private final ApiHttpHandler api;

  JsonObjectAggregator(int maxContentLength, ApiHttpHandler api) {
    super(maxContentLength);
    this.api = api;
  }

  @Override
  protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized)
      throws Exception {
    if (!(oversized instanceof HttpRequest)) {
      super.handleOversizedMessage(ctx, oversized);
      return;
    }
    FullHttpResponse response =
        ApiHttpHandler.json(
            HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
            ApiJson.error(
                "RequestEntityTooLarge",
                "request body exceeds the limit of " + maxContentLength() + " bytes"));
    response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    api.countResponse(response.status());
    ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
  }
}
