package dev.podium.app.meeting;

import dev.podium.app.client.DataMessage;
import dev.podium.app.client.MeetingSessionStatus;
import dev.podium.app.client.TranscriptEvent;
import dev.podium.app.client.VideoTile;
import dev.podium.server.protocol.ServerMessage.AttendeeInfo;
import dev.podium.server.protocol.ServerMessage.Hand;
import dev.podium.server.protocol.ServerMessage.PresenceState;
import dev.podium.server.protocol.ServerMessage.Volume;
import java.util.List;

/** Everything a {@link MeetingGateway} reports to the UI. Every method has an empty default. */
public interface MeetingEvents {

  /** The connection's state changed. */
  default void onConnectionChanged(ConnectionState state) {}

  /** The session ended (left, removed, meeting ended, could not reconnect…). Last event. */
  default void onSessionEnded(MeetingSessionStatus status) {}

  /** An attendee joined, left or dropped. */
  default void onAttendeePresence(AttendeeInfo attendee, PresenceState state) {}

  /** An attendee muted or unmuted. */
  default void onMuteStateChanged(String attendeeId, boolean muted) {}

  /** A remote video appeared. */
  default void onTileAdded(VideoTile tile) {}

  /** A remote video went away. */
  default void onTileRemoved(VideoTile tile) {}

  /** Volumes of attendees whose values changed. */
  default void onVolumesChanged(List<Volume> updates) {}

  /** The active speakers, loudest first. */
  default void onActiveSpeakersChanged(List<String> attendeeIds) {}

  /** A chat message (topic {@link MeetingGateway#CHAT_TOPIC}). */
  default void onChatMessage(DataMessage message) {}

  /** Live captions: a transcript (partial or final results) or a captions status. */
  default void onTranscript(TranscriptEvent event) {}

  /**
   * A host invited this viewer onto the stage; {@link MeetingGateway#acceptStageInvitation()}
   * accepts.
   */
  default void onStageInvitation() {}

  /** This viewer is now on the stage (a presenter of the primary) as {@code as}. */
  default void onPromoted(AttendeeInfo as) {}

  /** This attendee is a viewer again; the status says why. */
  default void onDemoted(MeetingSessionStatus status) {}

  /** Hosts: the raised-hand queue, oldest first. */
  default void onHandQueue(List<Hand> hands) {}

  /** Hosts: how many replicas and connected viewers the webinar has. */
  default void onAudience(int replicas, int viewers) {}

  /** Local video started ({@code true}) or stopped. */
  default void onLocalVideoChanged(boolean on) {}
}
