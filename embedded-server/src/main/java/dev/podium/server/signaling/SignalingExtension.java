package dev.podium.server.signaling;

import dev.podium.server.api.HttpPipelineExtension;
import dev.podium.server.api.ServerUrls;
import dev.podium.server.protocol.SignalCodec;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;

/**
 * Serves the signaling WebSocket under {@code /v1/signaling/{MeetingId}} on the HTTP port: the
 * WebSocket handshake and frames (Netty), then one {@link SignalingHandler} per connection.
 */
public final class SignalingExtension implements HttpPipelineExtension {
  /**
   * Netty matches a prefix only when the next character is '/' or '?', so the path is given without
   * its trailing slash.
   */
  private static final String SIGNALING_PREFIX =
      ServerUrls.SIGNALING_PATH.substring(0, ServerUrls.SIGNALING_PATH.length() - 1);

  private final Rooms rooms;

  public SignalingExtension(Rooms rooms) {
    this.rooms = rooms;
  }

  @Override
  public void addHandlers(ChannelPipeline pipeline) {
    pipeline.addLast(
        "signaling-upgrade-guard", new UpgradeRequiredGuard(ServerUrls.SIGNALING_PATH));
    pipeline.addLast(
        "websocket",
        new WebSocketServerProtocolHandler(
            WebSocketServerProtocolConfig.newBuilder()
                .websocketPath(SIGNALING_PREFIX)
                .checkStartsWith(true)
                .maxFramePayloadLength(SignalCodec.MAX_MESSAGE_BYTES)
                .handshakeTimeoutMillis(10_000)
                .build()));
    // A message may arrive in several frames (RFC 6455 §5.4): hand the handler whole messages.
    pipeline.addLast(
        "websocket-aggregator", new WebSocketFrameAggregator(SignalCodec.MAX_MESSAGE_BYTES));
    pipeline.addLast("signaling", new SignalingHandler(rooms));
  }
}
