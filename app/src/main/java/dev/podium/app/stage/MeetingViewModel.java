package dev.podium.app.stage;

import dev.podium.app.captions.CaptionsViewModel;
import dev.podium.app.chat.ChatViewModel;
import dev.podium.app.client.DataMessage;
import dev.podium.app.client.MeetingSessionStatus;
import dev.podium.app.client.Transcript;
import dev.podium.app.client.TranscriptEvent;
import dev.podium.app.client.TranscriptionStatus;
import dev.podium.app.client.TranscriptionStatusType;
import dev.podium.app.client.VideoTile;
import dev.podium.app.meeting.ConnectionState;
import dev.podium.app.meeting.MeetingEvents;
import dev.podium.app.meeting.MeetingGateway;
import dev.podium.app.meeting.SelfInfo;
import dev.podium.app.meeting.StatusTexts;
import dev.podium.server.protocol.ServerMessage.AttendeeInfo;
import dev.podium.server.protocol.ServerMessage.Hand;
import dev.podium.server.protocol.ServerMessage.PresenceState;
import dev.podium.server.protocol.ServerMessage.Volume;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of one meeting window, whichever controls it shows: who is on the stage, their tiles,
 * mute state and speaking, this attendee's microphone/camera/hand, chat, captions, the connection,
 * and whether the window is in presenter or spectator mode. Gateway events arrive on the SDK's
 * thread and are applied on the UI thread through {@code ui}.
 */
public final class MeetingViewModel {
  private static final Logger LOG = LoggerFactory.getLogger(MeetingViewModel.class);

  /** Volume above which an attendee counts as speaking when no active-speaker list comes. */
  static final double SPEAKING_VOLUME = 0.15;

  private final MeetingGateway gateway;
  private final Executor ui;
  private final Map<String, ParticipantItem> byId = new LinkedHashMap<>();
  private final ObservableList<ParticipantItem> stage = FXCollections.observableArrayList();
  private final ObservableList<Hand> hands = FXCollections.observableArrayList();
  private final VideoGridViewModel grid = new VideoGridViewModel(stage);
  private final ChatViewModel chat;
  private final CaptionsViewModel captions;
  private final ObjectProperty<MeetingMode> mode =
      new SimpleObjectProperty<>(MeetingMode.PRESENTER);
  private final ObjectProperty<ConnectionState> connection =
      new SimpleObjectProperty<>(ConnectionState.CONNECTING);
  private final StringProperty title = new SimpleStringProperty("Meeting");
  private final StringProperty banner = new SimpleStringProperty("");
  private final StringProperty endedMessage = new SimpleStringProperty("");
  private final BooleanProperty host = new SimpleBooleanProperty();
  private final BooleanProperty promoted = new SimpleBooleanProperty();
  private final BooleanProperty muted = new SimpleBooleanProperty(true);
  private final BooleanProperty cameraOn = new SimpleBooleanProperty();
  private final BooleanProperty sharing = new SimpleBooleanProperty();
  private final BooleanProperty handRaised = new SimpleBooleanProperty();
  private final BooleanProperty stageInvitation = new SimpleBooleanProperty();
  private final ObjectProperty<SidePanel> panel = new SimpleObjectProperty<>(SidePanel.CHAT);
  private final IntegerProperty viewers = new SimpleIntegerProperty(-1);
  private final IntegerProperty replicas = new SimpleIntegerProperty(0);
  private final ParticipantItem selfItem;
  private Consumer<String> notifier = text -> {};
  private String selfId;

  /**
   * @param gateway the joined (or joining) meeting
   * @param ui runs a task on the UI thread ({@code Platform::runLater}; direct in tests)
   */
  public MeetingViewModel(MeetingGateway gateway, Executor ui) {
    this.gateway = gateway;
    this.ui = ui;
    this.chat = new ChatViewModel(gateway::sendChat, ui);
    this.captions = new CaptionsViewModel(this::knownNameOf);
    SelfInfo self = gateway.self();
    this.selfItem = new ParticipantItem(self.attendeeId(), self.name(), self.role());
    selfItem.selfProperty().set(true);
    applySelf(self);
    gateway.addListener(new Events());
  }

  private void applySelf(SelfInfo self) {
    selfId = self.attendeeId();
    host.set(self.isHost());
    if (self.name() != null) {
      selfItem.nameProperty().set(self.name());
    }
    MeetingMode next =
        self.isViewer() && !promoted.get() ? MeetingMode.SPECTATOR : MeetingMode.PRESENTER;
    if (mode.get() != MeetingMode.ENDED) {
      mode.set(next);
    }
    chat.sendAllowedProperty().set(next == MeetingMode.PRESENTER);
    // Spectators watch: the microphone and camera are not touched until promoted.
    if (next == MeetingMode.SPECTATOR) {
      muted.set(true);
      cameraOn.set(false);
    }
  }

  /** Call once the gateway's start() completed OK: learns the role the server gave. */
  public void onJoined() {
    applySelf(gateway.self());
    if (mode.get() == MeetingMode.PRESENTER) {
      muted.set(gateway.isMuted());
    }
    connection.set(ConnectionState.GOOD);
  }

  /** Where notifications (joins, hands, promotion) go; the view shows them as toasts. */
  public void setNotifier(Consumer<String> notifier) {
    this.notifier = notifier;
  }

  /** The display name of an attendee ("You" for this one). */
  public String nameOf(String attendeeId) {
    if (attendeeId != null && attendeeId.equals(selfId)) {
      return selfItem.name();
    }
    ParticipantItem p = byId.get(attendeeId);
    return p != null ? p.name() : "Someone";
  }

  /** The display name of an attendee, or null when this window does not know it. */
  private String knownNameOf(String attendeeId) {
    if (attendeeId.equals(selfId)) {
      return selfItem.name();
    }
    ParticipantItem p = byId.get(attendeeId);
    return p != null ? p.name() : null;
  }

  // ------------------------------------------------------------------ actions

  public void toggleMute() {
    boolean next = !muted.get();
    request("Muting", gateway.setMuted(next), () -> muted.set(next));
  }

  public void toggleCamera() {
    boolean next = !cameraOn.get();
    request(
        next ? "Starting the camera" : "Stopping the camera",
        gateway.setCameraOn(next),
        () -> cameraOn.set(next));
  }

  public void toggleScreenShare() {
    boolean next = !sharing.get();
    request("Sharing the screen", gateway.setScreenShareOn(next), () -> sharing.set(next));
  }

  public void toggleHand() {
    boolean next = !handRaised.get();
    request(
        next ? "Raising your hand" : "Lowering your hand",
        gateway.setHandRaised(next),
        () -> handRaised.set(next));
  }

  /** Accepts a host's invitation onto the stage (the invitation card's "Join stage"). */
  public void acceptStageInvitation() {
    stageInvitation.set(false);
    request("Joining the stage", gateway.acceptStageInvitation(), () -> {});
  }

  /** Lets the invitation lapse (the card's "Not now"); the host may invite again. */
  public void declineStageInvitation() {
    stageInvitation.set(false);
  }

  /** Hosts: starts or stops the meeting's live captions. */
  public void toggleCaptionsRunning() {
    boolean next = !captions.runningProperty().get();
    request(
        next ? "Starting captions" : "Stopping captions",
        gateway.setCaptionsRunning(next),
        () -> {});
  }

  public void leaveStage() {
    request("Leaving the stage", gateway.leaveStage(), () -> {});
  }

  public void leave() {
    gateway.leave();
  }

  public void toggleChat() {
    togglePanel(SidePanel.CHAT);
  }

  /** Opens {@code which}, or closes it if it is open. */
  public void togglePanel(SidePanel which) {
    panel.set(panel.get() == which ? SidePanel.NONE : which);
  }

  public void toggleCaptions() {
    captions.enabledProperty().set(!captions.enabledProperty().get());
  }

  public void togglePeople() {
    togglePanel(SidePanel.PEOPLE);
  }

  public void dismissBanner() {
    banner.set("");
  }

  private void request(
      String what, CompletableFuture<dev.podium.app.client.MeetingSessionStatus> f, Runnable onOk) {
    f.whenComplete(
        (status, error) ->
            ui.execute(
                () -> {
                  if (error == null && status.isOk()) {
                    onOk.run();
                  } else {
                    if (error != null) {
                      LOG.warn("{} failed", what, error);
                    }
                    banner.set(
                        status != null
                            ? StatusTexts.requestFailed(what, status)
                            : what + " failed.");
                  }
                }));
  }

  // ------------------------------------------------------------------ events

  private ParticipantItem participant(String attendeeId, String name, String role) {
    ParticipantItem p = byId.get(attendeeId);
    if (p == null) {
      p = new ParticipantItem(attendeeId, name, role);
      byId.put(attendeeId, p);
    } else if (role != null) {
      p.roleProperty().set(role);
    }
    return p;
  }

  private void placeOnStage(ParticipantItem p) {
    boolean onStage = !"viewer".equals(p.roleProperty().get());
    if (onStage && !stage.contains(p)) {
      stage.add(p);
    } else if (!onStage) {
      stage.remove(p);
    }
  }

  private final class Events implements MeetingEvents {
    @Override
    public void onConnectionChanged(ConnectionState state) {
      ui.execute(() -> connection.set(state));
    }

    @Override
    public void onSessionEnded(MeetingSessionStatus status) {
      ui.execute(
          () -> {
            connection.set(ConnectionState.ENDED);
            endedMessage.set(StatusTexts.ended(status));
            mode.set(MeetingMode.ENDED);
          });
    }

    @Override
    public void onAttendeePresence(AttendeeInfo a, PresenceState state) {
      ui.execute(
          () -> {
            if (a.attendeeId().equals(selfId)) {
              return;
            }
            if (state == PresenceState.JOINED) {
              boolean fresh = !byId.containsKey(a.attendeeId());
              ParticipantItem p = participant(a.attendeeId(), a.externalUserId(), a.role());
              p.mutedProperty().set(a.muted());
              placeOnStage(p);
              if (fresh && connection.get() == ConnectionState.GOOD) {
                notifier.accept(p.name() + " joined");
              }
            } else {
              ParticipantItem p = byId.remove(a.attendeeId());
              if (p != null) {
                stage.remove(p);
                if (state == PresenceState.LEFT) {
                  notifier.accept(p.name() + " left");
                }
              }
            }
          });
    }

    @Override
    public void onMuteStateChanged(String attendeeId, boolean isMuted) {
      ui.execute(
          () -> {
            if (attendeeId.equals(selfId)) {
              muted.set(isMuted);
            } else if (byId.containsKey(attendeeId)) {
              byId.get(attendeeId).mutedProperty().set(isMuted);
            }
          });
    }

    @Override
    public void onTileAdded(VideoTile tile) {
      ui.execute(
          () -> {
            ParticipantItem p = participant(tile.attendeeId(), tile.externalUserId(), null);
            if (p.roleProperty().get() == null) {
              p.roleProperty().set("presenter");
            }
            p.tileIdProperty().set(tile.tileId());
            placeOnStage(p);
          });
    }

    @Override
    public void onTileRemoved(VideoTile tile) {
      ui.execute(
          () -> {
            ParticipantItem p = byId.get(tile.attendeeId());
            if (p != null && p.tileIdProperty().get() == tile.tileId()) {
              p.tileIdProperty().set(ParticipantItem.NO_TILE);
            }
          });
    }

    @Override
    public void onVolumesChanged(List<Volume> updates) {
      ui.execute(
          () -> {
            for (Volume v : updates) {
              ParticipantItem p =
                  v.attendeeId().equals(selfId) ? selfItem : byId.get(v.attendeeId());
              if (p != null) {
                p.volumeProperty().set(v.volume());
              }
            }
          });
    }

    @Override
    public void onActiveSpeakersChanged(List<String> ids) {
      ui.execute(
          () -> {
            String loudest = ids.isEmpty() ? null : ids.get(0);
            selfItem.speakingProperty().set(selfId != null && selfId.equals(loudest));
            for (ParticipantItem p : byId.values()) {
              p.speakingProperty().set(p.attendeeId().equals(loudest));
            }
          });
    }

    @Override
    public void onChatMessage(DataMessage message) {
      ui.execute(() -> chat.onMessage(message, message.senderAttendeeId().equals(selfId)));
    }

    @Override
    public void onTranscript(TranscriptEvent event) {
      ui.execute(
          () -> {
            if (event instanceof Transcript t) {
              captions.onTranscript(t);
            } else if (event instanceof TranscriptionStatus s) {
              boolean wasRunning = captions.runningProperty().get();
              captions.onStatus(s);
              if (s.type() == TranscriptionStatusType.FAILED) {
                banner.set(captions.statusProperty().get());
              } else if (captions.runningProperty().get() != wasRunning) {
                notifier.accept(captions.statusProperty().get());
              }
            }
          });
    }

    @Override
    public void onStageInvitation() {
      ui.execute(
          () -> {
            if (handRaised.get()) {
              // This viewer asked to speak: the host's invitation is the answer, go on stage.
              acceptStageInvitation();
            } else {
              stageInvitation.set(true);
              notifier.accept("The host invites you to the stage");
            }
          });
    }

    @Override
    public void onPromoted(AttendeeInfo as) {
      ui.execute(
          () -> {
            promoted.set(true);
            handRaised.set(false);
            stageInvitation.set(false);
            if (as != null) {
              selfId = as.attendeeId();
            }
            mode.set(MeetingMode.PRESENTER);
            chat.sendAllowedProperty().set(true);
            // On stage muted: the viewer unmutes when ready (Ctrl+D).
            request("Muting", gateway.setMuted(true), () -> muted.set(true));
            banner.set("You are on the stage. Your microphone is muted until you unmute.");
            notifier.accept("You are on the stage");
          });
    }

    @Override
    public void onDemoted(MeetingSessionStatus status) {
      ui.execute(
          () -> {
            promoted.set(false);
            muted.set(true);
            cameraOn.set(false);
            sharing.set(false);
            selfId = gateway.self().attendeeId();
            mode.set(MeetingMode.SPECTATOR);
            chat.sendAllowedProperty().set(false);
            if (panel.get() != SidePanel.NONE) {
              panel.set(SidePanel.CHAT);
            }
            banner.set(StatusTexts.demoted(status));
          });
    }

    @Override
    public void onHandQueue(List<Hand> queue) {
      ui.execute(
          () -> {
            for (Hand h : queue) {
              if (hands.stream().noneMatch(x -> x.attendeeId().equals(h.attendeeId()))) {
                notifier.accept(h.externalUserId() + " raised a hand");
              }
            }
            hands.setAll(queue);
          });
    }

    @Override
    public void onAudience(int replicaCount, int viewerCount) {
      ui.execute(
          () -> {
            replicas.set(replicaCount);
            viewers.set(viewerCount);
          });
    }

    @Override
    public void onLocalVideoChanged(boolean on) {
      ui.execute(() -> cameraOn.set(on));
    }
  }

  // ------------------------------------------------------------------ properties

  public MeetingGateway gateway() {
    return gateway;
  }

  public ReadOnlyObjectProperty<MeetingMode> modeProperty() {
    return mode;
  }

  public ReadOnlyObjectProperty<ConnectionState> connectionProperty() {
    return connection;
  }

  public StringProperty titleProperty() {
    return title;
  }

  /** A message to show above the stage (errors, demotion reasons); empty for none. */
  public ReadOnlyStringProperty bannerProperty() {
    return banner;
  }

  public ReadOnlyStringProperty endedMessageProperty() {
    return endedMessage;
  }

  public ReadOnlyBooleanProperty hostProperty() {
    return host;
  }

  /** A viewer now on the stage: it can "leave stage". */
  public ReadOnlyBooleanProperty promotedProperty() {
    return promoted;
  }

  public ReadOnlyBooleanProperty mutedProperty() {
    return muted;
  }

  public ReadOnlyBooleanProperty cameraOnProperty() {
    return cameraOn;
  }

  public ReadOnlyBooleanProperty sharingProperty() {
    return sharing;
  }

  public ReadOnlyBooleanProperty handRaisedProperty() {
    return handRaised;
  }

  /** A host invited this viewer to the stage and it has not answered yet. */
  public ReadOnlyBooleanProperty stageInvitationProperty() {
    return stageInvitation;
  }

  /** The open side panel. */
  public ObjectProperty<SidePanel> panelProperty() {
    return panel;
  }

  /** Connected viewers across replicas (hosts learn it), -1 when unknown. */
  public IntegerProperty viewersProperty() {
    return viewers;
  }

  public IntegerProperty replicasProperty() {
    return replicas;
  }

  /** Everyone on the stage except this attendee, in join order. */
  public ObservableList<ParticipantItem> stage() {
    return stage;
  }

  /** The raised-hand queue (hosts). */
  public ObservableList<Hand> hands() {
    return hands;
  }

  public ParticipantItem self() {
    return selfItem;
  }

  public VideoGridViewModel grid() {
    return grid;
  }

  public ChatViewModel chat() {
    return chat;
  }

  public CaptionsViewModel captions() {
    return captions;
  }
}
