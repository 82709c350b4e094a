package dev.podium.server.signaling;

import dev.podium.media.session.MediaSession;
import dev.podium.server.meeting.Attendee;
import dev.podium.server.protocol.ClientMessage;
import dev.podium.server.protocol.ServerMessage;
import dev.podium.server.protocol.SignalCodec;
import io.netty.channel.Channel;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;

/**
 * One joined attendee in a {@link Room}: its signaling channel (absent while a dropped WebSocket
 * may still resume) and its media session. Mutable state is guarded by the room's lock.
 */
final class Participant {
  final Attendee attendee;
  final String resumeToken;
  private final SignalCodec codec;

  private volatile Channel channel;
  MediaSession media;

  /** The connection and own voice this participant is registered with in the mixer. */
  MediaSession audioListenerSession;

  String audioListenerOwn;
  boolean muted;
  boolean gone;
  ScheduledFuture<?> resumeDeadline;

  /** Set while a replica attendee is promoted into the primary meeting. */
  Promotion promotion;

  /** A demotion the client has not been told of (it happened while disconnected). */
  ServerMessage.Demoted untoldDemotion;

  /** Raised-hand time (epoch ms), or 0. */
  long handRaisedAt;

  /** The last offer's sending m-lines by what they carry (see {@link OfferedMedia}). */
  OfferedMedia offered = OfferedMedia.NONE;

  /** Sending camera m-lines holding one of the meeting's video sender slots. */
  final Set<String> cameraGrants = new HashSet<>();

  /** Sending content m-lines (video, and audio with it) holding a content share slot. */
  final Set<String> contentGrants = new HashSet<>();

  /** Receive m-line → source id, as bound by the last offer. */
  Map<String, String> videoBindings = Map.of();

  /** The client's video preferences by source id. */
  final Map<String, ClientMessage.VideoPreference> videoPreferences = new HashMap<>();

  /** Source ids last reported in {@code video-paused}. */
  List<String> pausedSources = List.of();

  /** Primary credentials a host issued to bring this viewer to the stage (token kept to resend). */
  StageCredentials stageCredentials;

  /** A promoted replica attendee's primary identity and the primary room. */
  record Promotion(Attendee primaryAttendee, Room primaryRoom) {}

  /** Credentials of the primary meeting created for this viewer by "bring to stage". */
  record StageCredentials(String attendeeId, String joinToken) {}

  Participant(Attendee attendee, String resumeToken, Channel channel, SignalCodec codec) {
    this.attendee = attendee;
    this.resumeToken = resumeToken;
    this.channel = channel;
    this.codec = codec;
  }

  String attendeeId() {
    return attendee.attendeeId().toString();
  }

  /** Who this participant is to others: its primary identity while promoted. */
  Attendee identity() {
    Promotion p = promotion;
    return p != null ? p.primaryAttendee() : attendee;
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
      OrderedWriter.write(c, codec.encode(message));
    }
  }

  /** Sends the final message and closes the WebSocket. */
  void end(ServerMessage.Ended ended) {
    Channel c = channel;
    channel = null;
    if (c != null && c.isActive()) {
      OrderedWriter.writeAndClose(c, codec.encode(ended));
    }
  }
}
