package dev.podium.server.signaling;

import dev.podium.server.meeting.AuthenticationResult;
import dev.podium.server.meeting.MeetingId;
import dev.podium.server.protocol.ClientMessage;
import dev.podium.server.protocol.ServerMessage;
import dev.podium.server.protocol.SignalDecodeException;
import dev.podium.server.protocol.SignalMessage;
import dev.podium.server.protocol.StatusCode;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One signaling WebSocket: decodes client messages, answers with status codes, and drives the
 * attendee's {@link Room}. A bad message gets an error status; the connection stays open.
 */
final class SignalingHandler extends SimpleChannelInboundHandler<WebSocketFrame> {
  private static final Logger log = LoggerFactory.getLogger(SignalingHandler.class);

  private final Rooms rooms;
  private MeetingId meetingId;
  private Room room;
  private Participant participant;

  SignalingHandler(Rooms rooms) {
    this.rooms = rooms;
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
    if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete handshake) {
      String path = handshake.requestUri();
      int query = path.indexOf('?');
      if (query >= 0) {
        path = path.substring(0, query);
      }
      String id = path.substring(path.lastIndexOf('/') + 1);
      try {
        meetingId = MeetingId.parse(id);
      } catch (IllegalArgumentException e) {
        endNow(ctx, StatusCode.MEETING_NOT_FOUND, "no meeting '" + truncate(id) + "'");
      }
    } else {
      super.userEventTriggered(ctx, event);
    }
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
    if (!(frame instanceof TextWebSocketFrame text)) {
      send(ctx, new ServerMessage.Status(null, StatusCode.BAD_REQUEST, "text frames only"));
      return;
    }
    ClientMessage message;
    try {
      message = rooms.codec().decode(text.text(), ClientMessage.class);
    } catch (SignalDecodeException e) {
      send(ctx, new ServerMessage.Status(e.requestId(), e.code(), e.getMessage()));
      return;
    }
    if (message instanceof ClientMessage.Join join) {
      onJoin(ctx, join);
    } else if (message instanceof ClientMessage.Ping ping) {
      send(ctx, new ServerMessage.Pong(ping.requestId()));
    } else if (participant == null || participant.gone) {
      send(
          ctx,
          new ServerMessage.Status(message.requestId(), StatusCode.NOT_JOINED, "send join first"));
    } else if (message instanceof ClientMessage.Offer offer) {
      onOffer(ctx, offer);
    } else if (message instanceof ClientMessage.SetMute mute) {
      room.setMute(participant, mute.muted());
      ok(ctx, mute.requestId());
    } else if (message instanceof ClientMessage.SendData data) {
      DataMessages.Refusal refusal = room.sendData(participant, data);
      if (refusal == null) {
        ok(ctx, data.requestId());
      } else {
        send(ctx, new ServerMessage.Status(data.requestId(), refusal.code(), refusal.message()));
      }
    } else if (message instanceof ClientMessage.Leave) {
      room.leave(participant);
    } else if (message instanceof ClientMessage.Promote promote) {
      ServerMessage refusal = room.promotions.promote(participant, promote);
      if (refusal != null) {
        send(ctx, refusal);
      }
    } else if (message instanceof ClientMessage.Demote demote) {
      onDemote(ctx, demote);
    } else if (message instanceof ClientMessage.RaiseHand hand) {
      send(ctx, room.stage.raiseHand(participant, hand));
    } else if (message instanceof ClientMessage.HostAction action) {
      send(ctx, room.stage.hostAction(participant, action));
    } else if (message instanceof ClientMessage.VideoPreferences preferences) {
      String refusal = room.setVideoPreferences(participant, preferences);
      if (refusal == null) {
        ok(ctx, preferences.requestId());
      } else {
        send(
            ctx,
            new ServerMessage.Status(preferences.requestId(), StatusCode.BAD_REQUEST, refusal));
      }
    }
  }

  private void onDemote(ChannelHandlerContext ctx, ClientMessage.Demote demote) {
    if (!room.isReplica()) {
      send(
          ctx,
          new ServerMessage.Status(
              demote.requestId(),
              StatusCode.NOT_A_REPLICA_ATTENDEE,
              "this attendee joined the primary meeting directly and cannot switch to a replica"));
    } else if (participant.promotion == null) {
      send(
          ctx,
          new ServerMessage.Status(demote.requestId(), StatusCode.NOT_PROMOTED, "not promoted"));
    } else {
      ok(ctx, demote.requestId());
      room.promotions.demote(participant, StatusCode.DEMOTED_BY_CLIENT, "you left the stage");
    }
  }

  private void onJoin(ChannelHandlerContext ctx, ClientMessage.Join join) {
    if (participant != null && !participant.gone) {
      send(ctx, new ServerMessage.Status(join.requestId(), StatusCode.ALREADY_JOINED, "joined"));
      return;
    }
    if (join.protocolVersion() != SignalMessage.PROTOCOL_VERSION) {
      endNow(
          ctx,
          StatusCode.UNSUPPORTED_PROTOCOL_VERSION,
          "this server speaks protocol version " + SignalMessage.PROTOCOL_VERSION);
      return;
    }
    if (meetingId == null) {
      endNow(ctx, StatusCode.MEETING_NOT_FOUND, "no such meeting");
      return;
    }
    AuthenticationResult result = rooms.meetings().authenticate(meetingId, join.joinToken());
    if (result instanceof AuthenticationResult.Refused refused) {
      log.info("join to meeting {} refused: {}", meetingId, refused.reason());
      switch (refused.reason()) {
        case MEETING_NOT_FOUND -> endNow(ctx, StatusCode.MEETING_NOT_FOUND, "no such meeting");
        default ->
            endNow(
                ctx,
                StatusCode.AUTHENTICATION_REJECTED,
                "the join token is not valid for this meeting");
      }
      return;
    }
    AuthenticationResult.Authenticated ok = (AuthenticationResult.Authenticated) result;
    Room candidate = rooms.room(ok.meeting());
    Room.JoinResult joined = candidate.join(ok.attendee(), join, ctx.channel());
    if (joined.participant() == null) {
      endNow(ctx, joined.refusal(), joined.message());
      return;
    }
    room = candidate;
    participant = joined.participant();
  }

  private void onOffer(ChannelHandlerContext ctx, ClientMessage.Offer offer) {
    if (offer.sdp() == null || offer.sdp().isBlank()) {
      send(ctx, new ServerMessage.Status(offer.requestId(), StatusCode.BAD_REQUEST, "no sdp"));
      return;
    }
    room.offer(participant, offer)
        .whenComplete(
            (answer, error) -> {
              if (error == null) {
                send(ctx, new ServerMessage.Answer(offer.requestId(), answer));
              } else {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                log.info(
                    "offer of attendee {} rejected: {}",
                    participant.attendeeId(),
                    cause.toString());
                send(
                    ctx,
                    new ServerMessage.Status(
                        offer.requestId(), StatusCode.SDP_REJECTED, truncate(cause.getMessage())));
              }
            });
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    if (participant != null) {
      room.channelClosed(participant, ctx.channel());
    }
    super.channelInactive(ctx);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof io.netty.handler.codec.TooLongFrameException) {
      // The aggregator dropped the rest of that message; the connection is still usable.
      send(
          ctx,
          new ServerMessage.Status(
              null,
              StatusCode.BAD_REQUEST,
              "message larger than "
                  + dev.podium.server.protocol.SignalCodec.MAX_MESSAGE_BYTES
                  + " bytes"));
      return;
    }
    log.debug("signaling connection error: {}", cause.toString());
    ctx.close();
  }

  private void ok(ChannelHandlerContext ctx, String requestId) {
    send(ctx, new ServerMessage.Status(requestId, StatusCode.OK, "ok"));
  }

  private void send(ChannelHandlerContext ctx, ServerMessage message) {
    OrderedWriter.write(ctx.channel(), rooms.codec().encode(message));
  }

  private void endNow(ChannelHandlerContext ctx, StatusCode code, String message) {
    OrderedWriter.writeAndClose(
        ctx.channel(), rooms.codec().encode(new ServerMessage.Ended(code, message)));
  }

  private static String truncate(String text) {
    if (text == null) {
      return "";
    }
    return text.length() > 200 ? text.substring(0, 200) : text;
  }
}
