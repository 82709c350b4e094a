package dev.podium.app.meeting;

import dev.podium.app.client.MeetingSessionStatus;
import dev.podium.app.client.VideoFrameListener;
import java.util.concurrent.CompletableFuture;

/**
 * What the UI needs from one joined meeting: the SDK's {@code MeetingSession} seen through a small
 * interface, so view models are tested against a fake ({@link SdkMeetingGateway} is the real one).
 * Events reach {@link MeetingEvents} listeners on a non-UI thread; view models hop to the UI thread
 * themselves.
 */
public interface MeetingGateway extends AutoCloseable {

  /** Topic of chat data messages. */
  String CHAT_TOPIC = "chat";

  /** Registers a listener for everything the meeting reports. */
  void addListener(MeetingEvents listener);

  /** Who this attendee is (known once started). */
  SelfInfo self();

  /** Joins; completes with OK once joined and media is up, or with why not. */
  CompletableFuture<MeetingSessionStatus> start();

  /** Leaves the meeting. */
  CompletableFuture<MeetingSessionStatus> leave();

  /** Whether the microphone is muted now. */
  boolean isMuted();

  /** Mutes or unmutes the microphone. */
  CompletableFuture<MeetingSessionStatus> setMuted(boolean muted);

  /** Starts or stops the camera (a test pattern where there is no camera). */
  CompletableFuture<MeetingSessionStatus> setCameraOn(boolean on);

  /** Starts or stops sharing the screen. */
  CompletableFuture<MeetingSessionStatus> setScreenShareOn(boolean on);

  /** Sends a chat message (UTF-8, at most 2 KB) on {@link #CHAT_TOPIC}. */
  CompletableFuture<MeetingSessionStatus> sendChat(String text);

  /** Raises or lowers this viewer's hand. */
  CompletableFuture<MeetingSessionStatus> setHandRaised(boolean raised);

  /** A promoted viewer goes back to the audience. */
  CompletableFuture<MeetingSessionStatus> leaveStage();

  /** A host acts on another attendee. */
  CompletableFuture<MeetingSessionStatus> hostAction(HostAction action, String attendeeId);

  /**
   * Accepts the last stage invitation ({@link MeetingEvents#onStageInvitation()}): this viewer
   * promotes itself onto the stage with the credentials the host's invitation carried.
   */
  CompletableFuture<MeetingSessionStatus> acceptStageInvitation();

  /** Hosts: starts or stops the meeting's live captions (everyone gets the status). */
  CompletableFuture<MeetingSessionStatus> setCaptionsRunning(boolean running);

  /** Sends decoded frames of a remote tile to {@code listener}. */
  void bindTile(int tileId, VideoFrameListener listener);

  /** Stops sending frames of a tile. */
  void unbindTile(int tileId);

  /** Releases the session (idempotent). */
  @Override
  void close();
}
