package dev.podium.server.api;

import io.netty.channel.ChannelPipeline;

/**
 * Adds handlers to every HTTP connection's pipeline, after the aggregator and before the control
 * API handler: the place for the signaling WebSocket under {@link ServerUrls#SIGNALING_PATH} (e.g.
 * a {@code WebSocketServerProtocolHandler} with {@code checkStartsWith} and the signaling handler).
 * Requests the extension does not consume reach the control API, which answers 404.
 */
@FunctionalInterface
public interface HttpPipelineExtension {

  /** Called once per new connection, on its event loop. */
  void addHandlers(ChannelPipeline pipeline);
}
