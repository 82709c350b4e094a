package dev.podium.app.host;

import dev.podium.app.client.MeetingSessionStatus;
import dev.podium.app.meeting.HostAction;
import dev.podium.app.meeting.InviteLinks;
import dev.podium.app.meeting.MeetingGateway;
import dev.podium.app.meeting.StatusTexts;
import dev.podium.app.stage.MeetingViewModel;
import dev.podium.app.stage.ParticipantItem;
import dev.podium.server.protocol.ServerMessage.Hand;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * The host console: the raised-hand queue (bring to stage, dismiss), presenters (mute, remove, send
 * back), audience counts, invite links with QR codes, and ending the webinar.
 */
public final class HostConsoleViewModel {

  private final MeetingViewModel meeting;
  private final MeetingGateway gateway;
  private final InviteLinks invites;
  private final Executor ui;
  private final StringProperty presenterLink = new SimpleStringProperty("");
  private final StringProperty audienceLink = new SimpleStringProperty("");
  private final StringProperty message = new SimpleStringProperty("");
  private final BooleanProperty ended = new SimpleBooleanProperty();
  private Consumer<String> clipboard = text -> {};

  /**
   * @param invites the invitation maker when this app hosts the webinar, or null
   */
  public HostConsoleViewModel(MeetingViewModel meeting, InviteLinks invites, Executor ui) {
    this.meeting = meeting;
    this.gateway = meeting.gateway();
    this.invites = invites;
    this.ui = ui;
    if (invites == null) {
      message.set("Invite links are made by the app or server that hosts this webinar.");
    }
  }

  /** Where "copy" puts text (the system clipboard in the view). */
  public void setClipboard(Consumer<String> clipboard) {
    this.clipboard = clipboard;
  }

  public boolean canInvite() {
    return invites != null;
  }

  /** Makes a fresh presenter link (each link is one person's credential). */
  public void newPresenterLink() {
    if (invites != null) {
      invites
          .newPresenterLink()
          .whenComplete((l, e) -> ui.execute(() -> linkMade(presenterLink, l, e)));
    }
  }

  /** Makes a fresh audience link (a viewer in a replica; replicas are added as needed). */
  public void newAudienceLink() {
    if (invites != null) {
      invites
          .newAudienceLink()
          .whenComplete((l, e) -> ui.execute(() -> linkMade(audienceLink, l, e)));
    }
  }

  private void linkMade(StringProperty target, String link, Throwable error) {
    if (error != null) {
      message.set("Could not make a link: " + rootMessage(error));
    } else {
      target.set(link);
    }
  }

  public void copyPresenterLink() {
    copy(presenterLink.get(), "Presenter link copied");
  }

  public void copyAudienceLink() {
    copy(audienceLink.get(), "Audience link copied");
  }

  private void copy(String text, String done) {
    if (text != null && !text.isEmpty()) {
      clipboard.accept(text);
      message.set(done);
    }
  }

  public void bringToStage(Hand hand) {
    act(
        HostAction.BRING_TO_STAGE,
        hand.attendeeId(),
        "Bringing " + hand.externalUserId() + " to the stage");
  }

  public void dismiss(Hand hand) {
    act(HostAction.DISMISS, hand.attendeeId(), "Dismissing the hand");
  }

  public void mute(ParticipantItem presenter) {
    act(HostAction.MUTE, presenter.attendeeId(), "Muting " + presenter.name());
  }

  public void remove(ParticipantItem presenter) {
    act(HostAction.REMOVE, presenter.attendeeId(), "Removing " + presenter.name());
  }

  public void sendBack(ParticipantItem presenter) {
    act(HostAction.SEND_BACK, presenter.attendeeId(), "Sending " + presenter.name() + " back");
  }

  /** Ends the webinar for everyone. */
  public void endWebinar() {
    CompletableFuture<Void> end =
        invites != null ? invites.endWebinar() : CompletableFuture.completedFuture(null);
    end.whenComplete(
        (v, e) ->
            ui.execute(
                () -> {
                  if (e != null) {
                    message.set("Could not end the webinar: " + rootMessage(e));
                  } else {
                    ended.set(true);
                    meeting.leave();
                  }
                }));
  }

  private void act(HostAction action, String attendeeId, String what) {
    gateway
        .hostAction(action, attendeeId)
        .whenComplete(
            (status, e) ->
                ui.execute(
                    () -> {
                      if (e == null && status.isOk()) {
                        message.set("");
                      } else {
                        message.set(
                            StatusTexts.requestFailed(
                                what,
                                status != null
                                    ? status
                                    : MeetingSessionStatus.failed(
                                        dev.podium.app.client.ClientFailure.NOT_CONNECTED, "")));
                      }
                    }));
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  public ObservableList<Hand> hands() {
    return meeting.hands();
  }

  public ObservableList<ParticipantItem> presenters() {
    return meeting.stage();
  }

  public MeetingViewModel meeting() {
    return meeting;
  }

  public StringProperty presenterLinkProperty() {
    return presenterLink;
  }

  public StringProperty audienceLinkProperty() {
    return audienceLink;
  }

  /** The last outcome or error to show; empty for none. */
  public ReadOnlyStringProperty messageProperty() {
    return message;
  }

  public BooleanProperty endedProperty() {
    return ended;
  }
}
