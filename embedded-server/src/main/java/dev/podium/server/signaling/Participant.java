package dev.podium.server.signaling;

import dev.podium.media.session.MediaSession;
import dev.podium.server.meeting.Attendee;
import dev.podium.server.protocol.ServerMessage;
import dev.podium.server.protocol.SignalCodec;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.util.concurrent.ScheduledFuture;

/**
 * One joined attendee in a {@link Room}: its signaling channel (absent while a dropped WebSocket
 * may still resume) and its media session. Mutable state is guarded by the room's lock.
 */
final class Participant {
  final Attendee attendee;
  final String resumeToken;
  final TokenBucket dataRate;
  private final SignalCodec codec;

  private volatile Channel channel;
  MediaSession media;
  boolean muted;
  boolean gone;
  ScheduledFuture<?> resumeDeadline;

  Participant(
      Attendee attendee,
      String resumeToken,
      Channel channel,
      SignalCodec codec,
      TokenBucket dataRate) {
    this.attendee = attendee;
    this.resumeToken = resumeToken;
    this.channel = channel;
    this.codec = codec;
    this.dataRate = dataRate;
  }

  String attendeeId() {
    return attendee.attendeeId().toString();
  }

  Channel channel() {
    return channel;
  }

  void attach(Channel newChannel) {
    this.channel = newChannel;
  }

  boolean isConnected() {
    Channel c = channel;
    return c != null && c.isActive();
  }

  /** Sends a message if the WebSocket is there; while suspended the message is lost. */
  void send(ServerMessage message) {
    Channel c = channel;
    if (c != null && c.isActive()) {
      c.writeAndFlush(new TextWebSocketFrame(codec.encode(message)));
    }
  }

  /** Sends the final message and closes the WebSocket. */
  void end(ServerMessage.Ended ended) {
    Channel c = channel;
    channel = null;
    if (c != null && c.isActive()) {
      c.writeAndFlush(new TextWebSocketFrame(codec.encode(ended)))
          .addListener(ChannelFutureListener.CLOSE);
    }
  }
}
