package dev.podium.app;

import dev.podium.app.client.DeviceManager;
import dev.podium.app.client.SessionOptions;
import dev.podium.app.host.HostConsoleViewModel;
import dev.podium.app.lobby.LobbyView;
import dev.podium.app.lobby.LobbyViewModel;
import dev.podium.app.lobby.MeetingLauncher;
import dev.podium.app.lobby.RecentMeetings;
import dev.podium.app.meeting.JoinedMeeting;
import dev.podium.app.settings.DeviceSetupView;
import dev.podium.app.settings.DeviceSetupViewModel;
import dev.podium.app.settings.SdkDeviceCatalog;
import dev.podium.app.settings.SpeakerTest;
import dev.podium.app.stage.MeetingView;
import dev.podium.app.stage.MeetingViewModel;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Modality;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop app: one window that shows the start screen, then the meeting (presenter or
 * spectator), and back. A join link given on the command line is joined at once.
 */
public final class PodiumApp extends Application {
  private static final Logger LOG = LoggerFactory.getLogger(PodiumApp.class);

  private final Preferences prefs = Preferences.userNodeForPackage(PodiumApp.class);
  private Stage window;
  private Scene scene;
  private MeetingLauncher launcher;
  private JoinedMeeting current;

  /** The launcher used to open meetings (tests replace it before the window opens). */
  static MeetingLauncher launcherOverride;

  @Override
  public void start(Stage stage) {
    this.window = stage;
    this.launcher =
        launcherOverride != null
            ? launcherOverride
            : new SdkMeetingLauncher(SessionOptions::defaults);
    WindowState windowState = new WindowState(prefs.node("window"));
    windowState.restore(stage);
    stage.setMinWidth(800);
    stage.setMinHeight(560);
    stage.setTitle("Podium");
    try {
      stage.getIcons().addAll(AppIcon.render(32), AppIcon.render(128));
    } catch (RuntimeException e) {
      LOG.debug("No window icon", e);
    }
    scene = new Scene(new StackPane(), stage.getWidth(), stage.getHeight());
    Theme.apply(scene);
    stage.setScene(scene);
    stage.setOnCloseRequest(e -> windowState.save(stage));
    LobbyViewModel lobby = showLobby();
    stage.show();
    List<String> raw = getParameters().getRaw();
    raw.stream()
        .filter(a -> a.startsWith("podium:") || a.contains("/join"))
        .findFirst()
        .ifPresent(
            link -> {
              lobby.linkProperty().set(link);
              lobby.join();
            });
  }

  private LobbyViewModel showLobby() {
    LobbyViewModel model =
        new LobbyViewModel(launcher, RecentMeetings.inUserConfig(), Ui.FX, this::showMeeting);
    scene.setRoot(new LobbyView(model, this::openDeviceSetup));
    window.setTitle("Podium");
    return model;
  }

  private void showMeeting(JoinedMeeting joined) {
    current = joined;
    MeetingViewModel model = new MeetingViewModel(joined.gateway(), Ui.FX);
    model.titleProperty().set(joined.title());
    model.onJoined();
    HostConsoleViewModel host =
        model.hostProperty().get()
            ? new HostConsoleViewModel(model, joined.invites(), Ui.FX)
            : null;
    scene.setRoot(new MeetingView(model, host, this::closeMeeting));
    window.setTitle(joined.title() + " — Podium");
  }

  private void closeMeeting() {
    JoinedMeeting joined = current;
    current = null;
    if (joined != null) {
      CompletableFuture.runAsync(() -> closeQuietly(joined));
    }
    showLobby();
  }

  private static void closeQuietly(JoinedMeeting joined) {
    try {
      joined.gateway().close();
      if (joined.resources() != null) {
        joined.resources().close();
      }
    } catch (Exception e) {
      LOG.warn("Closing the meeting failed", e);
    }
  }

  private void openDeviceSetup() {
    CompletableFuture.supplyAsync(
            () -> {
              try (DeviceManager devices = DeviceManager.create()) {
                SdkDeviceCatalog live = new SdkDeviceCatalog(devices);
                return new StaticCatalog(live.cameras(), live.microphones(), live.speakers());
              }
            })
        .whenComplete(
            (catalog, error) ->
                Ui.FX.execute(
                    () -> {
                      StaticCatalog c =
                          catalog != null
                              ? catalog
                              : new StaticCatalog(List.of(), List.of(), List.of());
                      if (error != null) {
                        LOG.warn("Device listing failed", error);
                      }
                      DeviceSetupViewModel model =
                          new DeviceSetupViewModel(c, prefs.node("devices"), SpeakerTest::play);
                      Stage dialog = new Stage();
                      dialog.initOwner(window);
                      dialog.initModality(Modality.WINDOW_MODAL);
                      dialog.setTitle("Audio and video settings");
                      StackPane root = new StackPane(new DeviceSetupView(model));
                      root.getStyleClass().add("dialog-root");
                      Scene s = new Scene(root, 440, 640);
                      Theme.apply(s);
                      dialog.setScene(s);
                      dialog.show();
                    }));
  }

  @Override
  public void stop() {
    if (current != null) {
      closeQuietly(current);
    }
  }

  /** Device lists read once. */
  private record StaticCatalog(
      List<dev.podium.app.client.MediaDeviceInfo> cameras,
      List<dev.podium.app.client.MediaDeviceInfo> microphones,
      List<dev.podium.app.client.MediaDeviceInfo> speakers)
      implements dev.podium.app.settings.DeviceCatalog {}
}
