package dev.podium.app.client;

import dev.podium.server.protocol.ServerMessage.AttendeeInfo;
import dev.podium.server.protocol.ServerMessage.Hand;
import dev.podium.server.protocol.ServerMessage.PresenceState;
import dev.podium.server.protocol.ServerMessage.SourceInfo;
import dev.podium.server.protocol.ServerMessage.Volume;
import java.util.List;

/**
 * Everything a {@link MeetingSession} reports, modelled on the Chime client's AudioVideoObserver,
 * RealtimeObserver and ContentShareObserver. Every method has an empty default: implement what you
 * need. All calls come on the session's event thread, in order (see the package comment).
 *
 * <p>Methods marked "not sent by the server yet" are part of the API so applications can be written
 * against it; they fire once the server implements transcription and content share.
 */
public interface MeetingSessionObserver {

  /** Connecting for the first time, or again after a drop ({@code reconnecting}). */
  default void onSessionStarting(boolean reconnecting) {}

  /**
   * Joined and media negotiated (first start), or the dropped connection was resumed ({@code
   * reconnected}: same attendee, same session).
   */
  default void onSessionStarted(boolean reconnected) {}

  /** The signaling connection dropped; the session is retrying (with back-off). */
  default void onSessionReconnecting() {}

  /**
   * The session ended: stopped by the application ({@code LEFT} or {@code SESSION_STOPPED}), ended
   * by the server (meeting ended, attendee removed, …) or could not start or resume. Last callback.
   */
  default void onSessionStopped(MeetingSessionStatus status) {}

  /** The media connection is interrupted (ICE disconnected); media may freeze. */
  default void onConnectionBecamePoor() {}

  /** The media connection is back after {@link #onConnectionBecamePoor()}. */
  default void onConnectionBecameGood() {}

  /** The full list of remote video sources changed (before tiles are added or removed). */
  default void onRemoteVideoSourcesChanged(List<SourceInfo> sources) {}

  /**
   * A remote video tile appeared; bind a frame listener with {@link MeetingSession#bindVideoTile}.
   */
  default void onVideoTileAdded(VideoTile tile) {}

  /** A tile's decoded size changed (first frame, or the sender switched size or layer). */
  default void onVideoTileUpdated(VideoTile tile) {}

  /** A tile's source left; no more frames come. */
  default void onVideoTileRemoved(VideoTile tile) {}

  /** Whether this attendee may start local video now (false in replicas or at 25 senders). */
  default void onVideoAvailabilityChanged(boolean canStartLocalVideo) {}

  /**
   * {@link MeetingSession#startLocalVideo} was refused or local video was stopped by the server.
   */
  default void onVideoSendUnavailable(MeetingSessionStatus status) {}

  /** Local video started sending (after negotiation). */
  default void onLocalVideoStarted() {}

  /** Local video stopped. */
  default void onLocalVideoStopped() {}

  /** An attendee joined, left or dropped. Attendees present at join come as JOINED too. */
  default void onAttendeePresence(AttendeeInfo attendee, PresenceState state) {}

  /** An attendee muted or unmuted (including this one, as confirmed locally). */
  default void onMuteStateChanged(String attendeeId, boolean muted) {}

  /** Volume (0–1) and signal strength (0–1) of the attendees whose values changed. */
  default void onVolumesChanged(List<Volume> updates) {}

  /** The active speakers, loudest first. */
  default void onActiveSpeakersChanged(List<String> attendeeIds) {}

  /**
   * Live captions: a {@link Transcript} (partial and final results with their speakers) or a {@link
   * TranscriptionStatus} (started, stopped, failed), while a host or the control API runs them.
   */
  default void onTranscriptEvent(TranscriptEvent event) {}

  /**
   * This replica viewer was promoted into the primary meeting (status OK; {@link
   * MeetingSession#promotedAttendee()} says as whom). Its microphone is sent from now on; {@link
   * #onVideoAvailabilityChanged} follows.
   */
  default void onPromoted(MeetingSessionStatus status) {}

  /**
   * This promoted viewer is a plain viewer again; the code says why: {@code DEMOTED_BY_CLIENT} (its
   * request), {@code DEMOTED_BY_SERVER} (a host sent it back or removed it, or DeleteAttendee of
   * the primary credentials) or {@code DEMOTED_ON_DISCONNECT} (the connection dropped: reported at
   * once by the SDK; promote again after {@code onSessionStarted(true)}). Its microphone is no
   * longer sent; {@code onVideoAvailabilityChanged(false)} follows.
   */
  default void onDemoted(MeetingSessionStatus status) {}

  /** Hosts: a viewer raised ({@code true}) or lowered its hand, or left the queue otherwise. */
  default void onHandRaised(AttendeeInfo viewer, boolean raised) {}

  /** Hosts: the raised hands of all replicas, oldest first (on join and on every change). */
  default void onHandQueueChanged(List<Hand> hands) {}

  /** Hosts: replica meetings with viewers, and viewers connected to them. */
  default void onAudienceChanged(int replicas, int viewers) {}

  /**
   * A host brought this viewer to the stage: promote with these credentials ({@link
   * MeetingSession#promoteToPrimaryMeeting}), or let {@link
   * SessionOptions#autoAcceptStageInvitation()} do it. Its {@code externalUserId} is null.
   */
  default void onStageInvitationReceived(PromotionCredentials credentials) {}

  /**
   * Content share of an attendee started: this attendee's own (the server accepted it), or another
   * attendee's (its {@code <attendeeId>#content} source appeared; {@code attendeeId} is the
   * sharer's, without the suffix).
   */
  default void onContentShareStarted(String attendeeId) {}

  /**
   * Content share of an attendee stopped: {@code OK} when stopped by its sharer, {@code
   * CONTENT_SHARE_UNAVAILABLE} when this attendee's share was refused because the meeting already
   * has its content share(s).
   */
  default void onContentShareStopped(String attendeeId, MeetingSessionStatus status) {}

  /**
   * The server paused ({@code paused} true) or resumed a remote tile because this client's downlink
   * is too narrow for all of them (lower-priority tiles first); show it as paused, not frozen.
   */
  default void onVideoTilePausedByBandwidth(VideoTile tile, boolean paused) {}
}
