package dev.podium.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.app.client.DataMessage;
import dev.podium.app.client.MediaDeviceInfo;
import dev.podium.app.client.VideoTile;
import dev.podium.app.host.HostConsoleViewModel;
import dev.podium.app.lobby.LobbyView;
import dev.podium.app.lobby.LobbyViewModel;
import dev.podium.app.lobby.MeetingLauncher;
import dev.podium.app.lobby.RecentMeeting;
import dev.podium.app.lobby.RecentMeetings;
import dev.podium.app.meeting.FakeMeetingGateway;
import dev.podium.app.meeting.InviteLinks;
import dev.podium.app.settings.DeviceCatalog;
import dev.podium.app.settings.DeviceSetupView;
import dev.podium.app.settings.DeviceSetupViewModel;
import dev.podium.app.stage.MeetingView;
import dev.podium.app.stage.MeetingViewModel;
import dev.podium.app.stage.SidePanel;
import dev.podium.server.protocol.ServerMessage.AttendeeInfo;
import dev.podium.server.protocol.ServerMessage.Hand;
import dev.podium.server.protocol.ServerMessage.PresenceState;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.prefs.Preferences;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Parent;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders the main screens headless (Monocle) to PNGs: {@code -Dpodium.screenshots.dir=DIR}
 * (default target/screenshots). See docs/app.md for the command that refreshes docs/screenshots.
 */
@ExtendWith(ApplicationExtension.class)
class ScreenshotsTest {
  private static final String[] NAMES = {
    "Ana Ruiz",
    "Ben Okafor",
    "Chloé Martin",
    "Dev Patel",
    "Emma Berg",
    "Felix Wu",
    "Grace Kim",
    "Hugo Silva",
    "Iris Novak"
  };

  @TempDir Path temp;

  private static Path outDir() throws IOException {
    Path dir = Path.of(System.getProperty("podium.screenshots.dir", "target/screenshots"));
    Files.createDirectories(dir);
    return dir;
  }

  private static Path snap(Stage stage, String name) throws IOException {
    WaitForAsyncUtils.waitForFxEvents(5);
    WritableImage image = FxWindows.onFx(() -> stage.getScene().snapshot(null));
    BufferedImage png = SwingFXUtils.fromFXImage(image, null);
    Path file = outDir().resolve(name + ".png");
    ImageIO.write(png, "png", file.toFile());
    return file;
  }

  private static void stageOf(FakeMeetingGateway gw, int people, int withVideo, String... muted) {
    for (int i = 0; i < people; i++) {
      String id = "a" + i;
      AttendeeInfo a = new AttendeeInfo(id, NAMES[i], "presenter", List.of(muted).contains(id));
      gw.fire(l -> l.onAttendeePresence(a, PresenceState.JOINED));
      if (i < withVideo) {
        VideoTile t = new VideoTile(100 + i, id, NAMES[i], "s" + i, 640, 360);
        gw.fire(l -> l.onTileAdded(t));
      }
    }
  }

  private static void pushFrames(FakeMeetingGateway gw, int count) {
    for (int i = 0; i < count; i++) {
      var listener = gw.boundTiles.get(100 + i);
      if (listener != null) {
        VideoTile t = new VideoTile(100 + i, "a" + i, NAMES[i], "s" + i, 640, 360);
        listener.onVideoFrame(t, SyntheticFrames.person(480, 270, i / 9.0, (i * 37 % 10) / 10.0));
      }
    }
  }

  private static void chat(FakeMeetingGateway gw, String id, String name, String text) {
    DataMessage m =
        new DataMessage(
            "chat", text.getBytes(StandardCharsets.UTF_8), id, name, System.currentTimeMillis());
    gw.fire(l -> l.onChatMessage(m));
  }

  private static Stage meetingWindow(
      MeetingViewModel model, HostConsoleViewModel host, int w, int h) {
    return FxWindows.show(
        () -> {
          MeetingView view = new MeetingView(model, host, () -> {});
          view.setNotificationsEnabled(false);
          return view;
        },
        w,
        h);
  }

  @Test
  void rendersPresenterSpectatorHostLobbyAndDevices() throws Exception {
    // Presenter with a 3x3 grid.
    FakeMeetingGateway presenterGw = new FakeMeetingGateway("me", "Jordan Lee", "presenter");
    MeetingViewModel presenter = FxWindows.onFx(() -> new MeetingViewModel(presenterGw, Ui.FX));
    FxWindows.runFx(
        () -> {
          presenter.titleProperty().set("Quarterly product review");
          presenter.onJoined();
        });
    stageOf(presenterGw, 9, 7, "a3", "a7");
    presenterGw.fire(l -> l.onActiveSpeakersChanged(List.of("a1")));
    chat(presenterGw, "a0", "Ana Ruiz", "Welcome everyone! We start in two minutes.");
    chat(presenterGw, "a4", "Emma Berg", "Slides are in the shared folder.");
    chat(presenterGw, "a1", "Ben Okafor", "Can everyone hear me okay?");
    presenterGw.fire(
        l ->
            l.onTranscript(
                TestTranscripts.caption(
                    "r1", "a1", null, "so the headline this quarter is retention", false)));
    presenterGw.fire(
        l ->
            l.onTranscript(
                TestTranscripts.caption(
                    "r2", "a1", null, "which went up by almost four points", true)));
    FxWindows.runFx(presenter::toggleMute);
    Stage presenterWindow = meetingWindow(presenter, null, 1440, 900);
    pushFrames(presenterGw, 9);
    Path p1 = snap(presenterWindow, "presenter");

    // Spectator with captions.
    FakeMeetingGateway viewerGw = new FakeMeetingGateway("v9", "Sam Taylor", "viewer");
    MeetingViewModel spectator = FxWindows.onFx(() -> new MeetingViewModel(viewerGw, Ui.FX));
    FxWindows.runFx(
        () -> {
          spectator.titleProperty().set("Podium launch webinar");
          spectator.onJoined();
        });
    stageOf(viewerGw, 2, 2);
    viewerGw.fire(l -> l.onActiveSpeakersChanged(List.of("a0")));
    chat(viewerGw, "a0", "Ana Ruiz", "Questions? Raise your hand and we'll bring you on stage.");
    chat(viewerGw, "a1", "Ben Okafor", "Demo starts right after the intro.");
    viewerGw.fire(
        l ->
            l.onTranscript(
                TestTranscripts.caption("r1", "a0", null, "thanks for joining the launch", false)));
    viewerGw.fire(
        l ->
            l.onTranscript(
                TestTranscripts.caption(
                    "r2", "a1", null, "today we will show hosting from a laptop", false)));
    viewerGw.fire(
        l ->
            l.onTranscript(
                TestTranscripts.caption("r3", "a0", null, "with live captions like these", true)));
    Stage spectatorWindow = meetingWindow(spectator, null, 1440, 900);
    pushFrames(viewerGw, 2);
    FxWindows.runFx(() -> spectator.toggleHand());
    Path p2 = snap(spectatorWindow, "spectator");

    // Host console.
    FakeMeetingGateway hostGw = new FakeMeetingGateway("h0", "Hana Sato", "host");
    MeetingViewModel host = FxWindows.onFx(() -> new MeetingViewModel(hostGw, Ui.FX));
    InviteLinks links =
        new InviteLinks() {
          public CompletableFuture<String> newPresenterLink() {
            return CompletableFuture.completedFuture(
                "podium://join?url=wss%3A%2F%2F192.168.1.20%3A41873%2Fv1%2Fsignaling%2F6f1c&token=Pq7vXn2"
                    + "&fp=9b3c4e51a2d7f80c6e1b9a4d3f2c7e8a0b1d2c3e4f5a6b7c8d9e0f1a2b3c4d5e");
          }

          public CompletableFuture<String> newAudienceLink() {
            return CompletableFuture.completedFuture(
                "podium://join?url=wss%3A%2F%2F192.168.1.20%3A41873%2Fv1%2Fsignaling%2F8a2e&token=Zk4mRt9"
                    + "&fp=9b3c4e51a2d7f80c6e1b9a4d3f2c7e8a0b1d2c3e4f5a6b7c8d9e0f1a2b3c4d5e");
          }

          public CompletableFuture<Void> endWebinar() {
            return CompletableFuture.completedFuture(null);
          }
        };
    HostConsoleViewModel console =
        FxWindows.onFx(() -> new HostConsoleViewModel(host, links, Ui.FX));
    FxWindows.runFx(
        () -> {
          host.titleProperty().set("Podium launch webinar");
          host.onJoined();
          host.panelProperty().set(SidePanel.HOST);
        });
    stageOf(hostGw, 3, 3, "a2");
    hostGw.fire(l -> l.onAudience(2, 318));
    hostGw.fire(
        l ->
            l.onHandQueue(
                List.of(
                    new Hand("r1", "Sam Taylor", "R1", 1), new Hand("r2", "Priya Shah", "R2", 2))));
    FxWindows.runFx(
        () -> {
          console.newPresenterLink();
          console.newAudienceLink();
        });
    hostGw.fire(
        l ->
            l.onTranscript(
                TestTranscripts.status(dev.podium.app.client.TranscriptionStatusType.STARTED)));
    Stage hostWindow = meetingWindow(host, console, 1440, 900);
    pushFrames(hostGw, 3);
    Path p3 = snap(hostWindow, "host-console");
    FxWindows.runFx(
        () ->
            ((javafx.scene.control.ToggleButton)
                    hostWindow.getScene().getRoot().lookup("#host-tab-invite"))
                .setSelected(true));
    Path p3b = snap(hostWindow, "host-invite");

    // Start screen.
    RecentMeetings recent = new RecentMeetings(temp.resolve("recent.json"));
    recent.remember(
        new RecentMeeting(
            "Design sync",
            "podium://join?url=ws%3A%2F%2Fa%2Fv1%2Fsignaling%2FM1&token=x",
            1_763_700_000_000L));
    recent.remember(
        new RecentMeeting(
            "Podium launch webinar",
            "podium://join?url=ws%3A%2F%2Fb%2Fv1%2Fsignaling%2FM2&token=y",
            1_763_780_000_000L));
    MeetingLauncher none =
        new MeetingLauncher() {
          public dev.podium.app.meeting.MeetingGateway gatewayFor(
              dev.podium.app.client.MeetingSessionConfiguration c) {
            return new FakeMeetingGateway("x", "x", "presenter");
          }

          public CompletableFuture<dev.podium.app.meeting.JoinedMeeting> hostWebinar(String n) {
            return new CompletableFuture<>();
          }
        };
    Stage lobbyWindow =
        FxWindows.show(
            () -> {
              LobbyViewModel model = new LobbyViewModel(none, recent, Ui.FX, j -> {});
              model.hostNameProperty().set("Hana Sato");
              return new LobbyView(model, () -> {});
            },
            1200,
            860);
    Path p4 = snap(lobbyWindow, "start");

    // Device setup on a machine with no devices.
    Preferences prefs =
        Preferences.userRoot().node("dev/podium/app/test/screens-" + System.nanoTime());
    DeviceCatalog empty =
        new DeviceCatalog() {
          public List<MediaDeviceInfo> cameras() {
            return List.of();
          }

          public List<MediaDeviceInfo> microphones() {
            return List.of();
          }

          public List<MediaDeviceInfo> speakers() {
            return List.of();
          }
        };
    Stage devices =
        FxWindows.show(
            () -> {
              StackPane root =
                  new StackPane(
                      new DeviceSetupView(new DeviceSetupViewModel(empty, prefs, s -> null)));
              root.getStyleClass().add("dialog-root");
              return (Parent) root;
            },
            460,
            720);
    Path p5 = snap(devices, "device-setup");
    prefs.removeNode();

    for (Path p : List.of(p1, p2, p3, p3b, p4, p5)) {
      BufferedImage img = ImageIO.read(p.toFile());
      assertThat(img.getWidth()).isGreaterThan(400);
    }
  }
}
