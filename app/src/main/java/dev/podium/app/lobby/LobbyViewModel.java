package dev.podium.app.lobby;

import dev.podium.app.client.MeetingSessionConfiguration;
import dev.podium.app.meeting.JoinedMeeting;
import dev.podium.app.meeting.MeetingGateway;
import dev.podium.app.meeting.StatusTexts;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The start screen: paste (or receive on the command line) a join link and join, host a webinar
 * from this laptop, or rejoin a recent meeting. Errors are plain sentences; details go to the log.
 */
public final class LobbyViewModel {
  private static final Logger LOG = LoggerFactory.getLogger(LobbyViewModel.class);

  private final MeetingLauncher launcher;
  private final RecentMeetings recentStore;
  private final Executor ui;
  private final Consumer<JoinedMeeting> onJoined;
  private final StringProperty link = new SimpleStringProperty("");
  private final StringProperty hostName = new SimpleStringProperty(defaultName());
  private final StringProperty error = new SimpleStringProperty("");
  private final StringProperty progress = new SimpleStringProperty("");
  private final BooleanProperty busy = new SimpleBooleanProperty();
  private final ObservableList<RecentMeeting> recent = FXCollections.observableArrayList();
  private final BooleanBinding canJoin;

  public LobbyViewModel(
      MeetingLauncher launcher,
      RecentMeetings recentStore,
      Executor ui,
      Consumer<JoinedMeeting> onJoined) {
    this.launcher = launcher;
    this.recentStore = recentStore;
    this.ui = ui;
    this.onJoined = onJoined;
    recent.setAll(recentStore.load());
    canJoin =
        Bindings.createBooleanBinding(
            () -> !busy.get() && link.get() != null && !link.get().isBlank(), busy, link);
    link.addListener((o, a, b) -> error.set(""));
  }

  private static String defaultName() {
    String user = System.getProperty("user.name", "Host");
    return user.isBlank() ? "Host" : Character.toUpperCase(user.charAt(0)) + user.substring(1);
  }

  /** Joins the meeting of the link in {@link #linkProperty()}. */
  public void join() {
    if (!canJoin.get()) {
      return;
    }
    MeetingSessionConfiguration config;
    try {
      config = MeetingSessionConfiguration.fromJoinLink(link.get().strip());
    } catch (IllegalArgumentException e) {
      LOG.info("Not a join link: {}", e.getMessage());
      error.set(
          "That is not a Podium join link. It looks like podium://join?url=…&token=… "
              + "or https://…/join#url=…");
      return;
    }
    String joinedLink = link.get().strip();
    String title = titleOf(config);
    busy.set(true);
    error.set("");
    progress.set("Joining " + title + "…");
    MeetingGateway gateway;
    try {
      gateway = launcher.gatewayFor(config);
    } catch (RuntimeException e) {
      LOG.warn("Could not create a session", e);
      finishWithError("Could not start a meeting session on this computer.");
      return;
    }
    gateway
        .start()
        .whenComplete(
            (status, failure) ->
                ui.execute(
                    () -> {
                      if (failure == null && status.isOk()) {
                        busy.set(false);
                        progress.set("");
                        recent.setAll(
                            recentStore.remember(
                                new RecentMeeting(title, joinedLink, System.currentTimeMillis())));
                        onJoined.accept(new JoinedMeeting(gateway, title, null, null));
                      } else {
                        if (failure != null) {
                          LOG.warn("Join failed", failure);
                        } else {
                          LOG.info("Join refused: {}", status);
                        }
                        gateway.close();
                        finishWithError(
                            status != null
                                ? StatusTexts.joinFailure(status)
                                : "Could not join the meeting. Try again.");
                      }
                    }));
  }

  /** Fills the link from a recent meeting and joins. */
  public void rejoin(RecentMeeting meeting) {
    link.set(meeting.link());
    join();
  }

  /** Starts a webinar on this laptop and joins as its host. */
  public void hostWebinar() {
    if (busy.get()) {
      return;
    }
    busy.set(true);
    error.set("");
    progress.set("Starting your webinar…");
    String name = hostName.get() == null || hostName.get().isBlank() ? "Host" : hostName.get();
    launcher
        .hostWebinar(name.strip())
        .whenComplete(
            (joined, failure) ->
                ui.execute(
                    () -> {
                      if (failure == null) {
                        busy.set(false);
                        progress.set("");
                        onJoined.accept(joined);
                      } else {
                        Throwable cause =
                            failure instanceof CompletionException && failure.getCause() != null
                                ? failure.getCause()
                                : failure;
                        LOG.warn("Hosting failed", cause);
                        finishWithError(
                            "Could not start the webinar: "
                                + (cause.getMessage() == null
                                    ? "unexpected error (see the log)."
                                    : cause.getMessage()));
                      }
                    }));
  }

  private void finishWithError(String message) {
    busy.set(false);
    progress.set("");
    error.set(message);
  }

  /** What to call a meeting joined from a link. */
  static String titleOf(MeetingSessionConfiguration config) {
    if (config.externalMeetingId() != null && !config.externalMeetingId().isBlank()) {
      return config.externalMeetingId();
    }
    String host = config.signalingUrl().getHost();
    return "Meeting on " + (host == null ? "server" : host);
  }

  public StringProperty linkProperty() {
    return link;
  }

  public StringProperty hostNameProperty() {
    return hostName;
  }

  public ReadOnlyStringProperty errorProperty() {
    return error;
  }

  public ReadOnlyStringProperty progressProperty() {
    return progress;
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return busy;
  }

  public BooleanBinding canJoinProperty() {
    return canJoin;
  }

  public ObservableList<RecentMeeting> recent() {
    return recent;
  }
}
