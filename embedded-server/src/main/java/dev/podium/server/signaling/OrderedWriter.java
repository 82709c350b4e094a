package dev.podium.server.signaling;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

/**
 * Writes signaling frames in the order they were sent, whatever thread sends them. Netty writes at
 * once when called on the channel's own event loop but queues writes from other threads, so an
 * event broadcast from another thread could be overtaken by a later one; queuing every write as a
 * task on the loop keeps the order in which they were made (under the room's lock).
 */
final class OrderedWriter {
  private OrderedWriter() {}

  static void write(Channel channel, String text) {
    channel.eventLoop().execute(() -> channel.writeAndFlush(new TextWebSocketFrame(text)));
  }

  static void writeAndClose(Channel channel, String text) {
    channel
        .eventLoop()
        .execute(
            () ->
                channel
                    .writeAndFlush(new TextWebSocketFrame(text))
                    .addListener(ChannelFutureListener.CLOSE));
  }
}
