package dev.podium.app.meeting;

import dev.podium.app.client.DataMessage;
import dev.podium.app.client.LocalVideoSource;
import dev.podium.app.client.MediaDeviceInfo;
import dev.podium.app.client.MeetingSession;
import dev.podium.app.client.MeetingSessionConfiguration;
import dev.podium.app.client.MeetingSessionObserver;
import dev.podium.app.client.MeetingSessionStatus;
import dev.podium.app.client.PromotionCredentials;
import dev.podium.app.client.SessionOptions;
import dev.podium.app.client.TranscriptEvent;
import dev.podium.app.client.VideoFormat;
import dev.podium.app.client.VideoFrameListener;
import dev.podium.app.client.VideoTile;
import dev.podium.server.protocol.ServerMessage.AttendeeInfo;
import dev.podium.server.protocol.ServerMessage.Hand;
import dev.podium.server.protocol.ServerMessage.PresenceState;
import dev.podium.server.protocol.ServerMessage.Volume;
import dev.podium.server.protocol.StatusCode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@link MeetingGateway} over the client SDK's {@link MeetingSession}: host actions, the hand
 * queue, audience counts, stage invitations (accepted by the view model, not by the SDK: the
 * session's auto-accept is turned off), promotion and captions.
 */
public final class SdkMeetingGateway implements MeetingGateway {

  private final MeetingSession session;
  private final List<MeetingEvents> listeners = new CopyOnWriteArrayList<>();
  private final MediaDeviceInfo camera;
  private final List<java.util.function.Consumer<MeetingEvents>> backlog =
      new java.util.ArrayList<>();
  private volatile boolean closed;
  private volatile PromotionCredentials invitation;

  private SdkMeetingGateway(MeetingSession session, MediaDeviceInfo camera) {
    this.session = session;
    this.camera = camera;
    session.addObserver(new Relay());
    session.subscribeToDataMessages(CHAT_TOPIC, this::onChat);
  }

  /**
   * A gateway for a new session.
   *
   * @param camera the camera to use, or null for the first one (a test pattern if there is none)
   */
  public static SdkMeetingGateway create(
      MeetingSessionConfiguration config, SessionOptions options, MediaDeviceInfo camera) {
    return new SdkMeetingGateway(
        MeetingSession.create(config, options.withAutoAcceptStageInvitation(false)), camera);
  }

  /**
   * Adds a listener. The first listener also receives every event that came before it (the window
   * that shows a meeting is built after joining, when attendees and tiles are already announced).
   */
  @Override
  public synchronized void addListener(MeetingEvents listener) {
    listeners.add(listener);
    if (listeners.size() == 1) {
      for (java.util.function.Consumer<MeetingEvents> event : backlog) {
        event.accept(listener);
      }
      backlog.clear();
    }
  }

  @Override
  public SelfInfo self() {
    AttendeeInfo self = session.self();
    if (self == null) {
      MeetingSessionConfiguration config = session.configuration();
      return new SelfInfo(config.attendeeId(), config.externalUserId(), "presenter");
    }
    return new SelfInfo(self.attendeeId(), self.externalUserId(), self.role());
  }

  @Override
  public CompletableFuture<MeetingSessionStatus> start() {
    emit(l -> l.onConnectionChanged(ConnectionState.CONNECTING));
    return session.start();
  }

  @Override
  public CompletableFuture<MeetingSessionStatus> leave() {
    return session.stop();
  }

  @Override
  public boolean isMuted() {
    return session.isLocalMuted();
  }

  @Override
  public CompletableFuture<MeetingSessionStatus> setMuted(boolean muted) {
    return session.realtimeSetLocalMute(muted);
  }

  @Override
  public CompletableFuture<MeetingSessionStatus> setCameraOn(boolean on) {
    if (!on) {
      return session.stopLocalVideo();
    }
    List<MediaDeviceInfo> cameras = session.deviceManager().cameras();
    LocalVideoSource source =
        cameras.isEmpty()
            ? LocalVideoSource.testPattern(VideoFormat.SD)
            : LocalVideoSource.camera(camera != null ? camera : cameras.get(0), VideoFormat.HD);
    return session.startLocalVideo(source);
  }

  @Override
  public CompletableFuture<MeetingSessionStatus> setScreenShareOn(boolean on) {
    if (!on) {
      return CompletableFuture.completedFuture(MeetingSessionStatus.ok());
    }
    return session.startContentShare(LocalVideoSource.testPattern(VideoFormat.SD));
  }

  @Override
  public CompletableFuture<MeetingSessionStatus> sendChat(String text) {
    return session.sendDataMessage(CHAT_TOPIC, text.getBytes(StandardCharsets.UTF_8), 300_000);
  }

  @Override
  public CompletableFuture<MeetingSessionStatus> setHandRaised(boolean raised) {
    return session.setHandRaised(raised);
  }

  @Override
  public CompletableFuture<MeetingSessionStatus> leaveStage() {
    return session.demoteFromPrimaryMeeting();
  }

  @Override
  public CompletableFuture<MeetingSessionStatus> hostAction(HostAction action, String attendeeId) {
    return switch (action) {
      case BRING_TO_STAGE -> session.bringToStage(attendeeId);
      case DISMISS -> session.dismissHand(attendeeId);
      case SEND_BACK -> session.sendBack(attendeeId);
      case MUTE -> session.muteAttendee(attendeeId);
      case REMOVE -> session.removeAttendee(attendeeId);
    };
  }

  @Override
  public CompletableFuture<MeetingSessionStatus> acceptStageInvitation() {
    PromotionCredentials credentials = invitation;
    if (credentials == null) {
      return CompletableFuture.completedFuture(
          MeetingSessionStatus.of(StatusCode.PROMOTION_REJECTED, "no stage invitation"));
    }
    invitation = null;
    return session.promoteToPrimaryMeeting(credentials);
  }

  @Override
  public CompletableFuture<MeetingSessionStatus> setCaptionsRunning(boolean running) {
    return running ? session.startTranscription() : session.stopTranscription();
  }

  @Override
  public void bindTile(int tileId, VideoFrameListener listener) {
    session.bindVideoTile(tileId, listener);
  }

  @Override
  public void unbindTile(int tileId) {
    session.unbindVideoTile(tileId);
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      session.close();
    }
  }

  private void onChat(DataMessage message) {
    emit(l -> l.onChatMessage(message));
  }

  private synchronized void emit(java.util.function.Consumer<MeetingEvents> event) {
    if (listeners.isEmpty()) {
      backlog.add(event);
      return;
    }
    for (MeetingEvents listener : listeners) {
      event.accept(listener);
    }
  }

  /** Maps the SDK's observer onto {@link MeetingEvents}. */
  private final class Relay implements MeetingSessionObserver {
    @Override
    public void onSessionStarted(boolean reconnected) {
      emit(l -> l.onConnectionChanged(ConnectionState.GOOD));
    }

    @Override
    public void onSessionReconnecting() {
      emit(l -> l.onConnectionChanged(ConnectionState.RECONNECTING));
    }

    @Override
    public void onConnectionBecamePoor() {
      emit(l -> l.onConnectionChanged(ConnectionState.POOR));
    }

    @Override
    public void onConnectionBecameGood() {
      emit(l -> l.onConnectionChanged(ConnectionState.GOOD));
    }

    @Override
    public void onSessionStopped(MeetingSessionStatus status) {
      emit(l -> l.onConnectionChanged(ConnectionState.ENDED));
      emit(l -> l.onSessionEnded(status));
    }

    @Override
    public void onVideoTileAdded(VideoTile tile) {
      emit(l -> l.onTileAdded(tile));
    }

    @Override
    public void onVideoTileRemoved(VideoTile tile) {
      emit(l -> l.onTileRemoved(tile));
    }

    @Override
    public void onLocalVideoStarted() {
      emit(l -> l.onLocalVideoChanged(true));
    }

    @Override
    public void onLocalVideoStopped() {
      emit(l -> l.onLocalVideoChanged(false));
    }

    @Override
    public void onAttendeePresence(AttendeeInfo attendee, PresenceState state) {
      emit(l -> l.onAttendeePresence(attendee, state));
    }

    @Override
    public void onMuteStateChanged(String attendeeId, boolean muted) {
      emit(l -> l.onMuteStateChanged(attendeeId, muted));
    }

    @Override
    public void onVolumesChanged(List<Volume> updates) {
      emit(l -> l.onVolumesChanged(updates));
    }

    @Override
    public void onActiveSpeakersChanged(List<String> attendeeIds) {
      emit(l -> l.onActiveSpeakersChanged(attendeeIds));
    }

    @Override
    public void onTranscriptEvent(TranscriptEvent event) {
      emit(l -> l.onTranscript(event));
    }

    @Override
    public void onPromoted(MeetingSessionStatus status) {
      AttendeeInfo as = session.promotedAttendee();
      emit(l -> l.onPromoted(as));
    }

    @Override
    public void onStageInvitationReceived(PromotionCredentials credentials) {
      invitation = credentials;
      emit(MeetingEvents::onStageInvitation);
    }

    @Override
    public void onHandQueueChanged(List<Hand> hands) {
      emit(l -> l.onHandQueue(hands));
    }

    @Override
    public void onAudienceChanged(int replicas, int viewers) {
      emit(l -> l.onAudience(replicas, viewers));
    }

    @Override
    public void onDemoted(MeetingSessionStatus status) {
      emit(l -> l.onDemoted(status));
    }
  }
}
