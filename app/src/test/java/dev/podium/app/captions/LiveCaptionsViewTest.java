package dev.podium.app.captions;

import static dev.podium.app.TestTranscripts.caption;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.app.FxWindows;
import dev.podium.app.RealWebinar;
import dev.podium.app.Ui;
import dev.podium.app.host.HostConsoleViewModel;
import dev.podium.app.meeting.InjectingGateway;
import dev.podium.app.stage.MeetingView;
import dev.podium.app.stage.MeetingViewModel;
import dev.podium.app.stage.SidePanel;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * Live captions across two windows over real SDK sessions and an in-process server: the host turns
 * captions on in its console (host-action start-transcription), the server's transcription-status
 * reaches both windows, caption text shows in the spectator's bar (synthetic transcript events
 * added to the real session's: a speaking peer would make the test heavy; the server's own
 * LiveCaptionsTest covers recognition), and the host turns captions off again.
 */
@ExtendWith(ApplicationExtension.class)
class LiveCaptionsViewTest {
  private RealWebinar webinar;

  @AfterEach
  void stop() {
    if (webinar != null) {
      webinar.close();
    }
  }

  private static String textOf(Node row) {
    StringBuilder out = new StringBuilder();
    TextFlow flow = (TextFlow) ((HBox) row).getChildren().get(0);
    flow.getChildren().forEach(n -> out.append(((Text) n).getText()));
    return out.toString();
  }

  private static Stage window(MeetingViewModel model, HostConsoleViewModel host) {
    return FxWindows.show(
        () -> {
          MeetingView view = new MeetingView(model, host, () -> {});
          view.setNotificationsEnabled(false);
          return view;
        },
        1200,
        760);
  }

  @Test
  void hostTurnsCaptionsOnAndTheSpectatorSeesThem(FxRobot robot) throws Exception {
    webinar = new RealWebinar();
    var hostGw = webinar.host("Hana");
    InjectingGateway viewerGw = new InjectingGateway(webinar.viewer("Vic"));
    MeetingViewModel host = FxWindows.onFx(() -> new MeetingViewModel(hostGw, Ui.FX));
    MeetingViewModel viewer = FxWindows.onFx(() -> new MeetingViewModel(viewerGw, Ui.FX));
    FxWindows.runFx(
        () -> {
          host.onJoined();
          viewer.onJoined();
          host.panelProperty().set(SidePanel.HOST);
        });
    HostConsoleViewModel console =
        FxWindows.onFx(() -> new HostConsoleViewModel(host, null, Ui.FX));
    Stage hostWindow = window(host, console);
    Stage viewerWindow = window(viewer, null);
    Node hostRoot = hostWindow.getScene().getRoot();
    Node viewerRoot = viewerWindow.getScene().getRoot();
    Button toggle = robot.from(hostRoot).lookup("#captions-toggle").queryButton();
    assertThat(toggle.getText()).isEqualTo("Start captions");
    assertThat(robot.from(viewerRoot).lookup("#captions-bar").query().isVisible()).isFalse();

    FxWindows.runFx(hostWindow::toFront);
    robot.clickOn(toggle);
    // The first start loads the speech model on the server.
    FxWindows.await(
        30, "captions running at the spectator", () -> viewer.captions().runningProperty().get());
    FxWindows.await(5, "stop button at the host", () -> toggle.getText().equals("Stop captions"));
    assertThat(robot.from(hostRoot).lookup("#captions-status").queryAs(Label.class).getText())
        .isEqualTo("Captions are on");

    viewerGw.inject(l -> l.onTranscript(caption("r1", "a-hana", "Hana", "welcome to the", true)));
    FxWindows.await(
        5, "caption row", () -> robot.from(viewerRoot).lookup("#caption-0").tryQuery().isPresent());
    assertThat(textOf(robot.from(viewerRoot).lookup("#caption-0").query()))
        .isEqualTo("Hana  welcome to the");
    viewerGw.inject(
        l -> l.onTranscript(caption("r1", "a-hana", "Hana", "welcome to the webinar", false)));
    viewerGw.inject(l -> l.onTranscript(caption("r2", "a-hana", "Hana", "today we", true)));
    FxWindows.await(
        5, "second row", () -> robot.from(viewerRoot).lookup("#caption-1").tryQuery().isPresent());
    assertThat(textOf(robot.from(viewerRoot).lookup("#caption-0").query()))
        .isEqualTo("Hana  welcome to the webinar");
    assertThat(textOf(robot.from(viewerRoot).lookup("#caption-1").query()))
        .isEqualTo("Hana  today we");

    FxWindows.runFx(hostWindow::toFront);
    robot.clickOn(toggle);
    FxWindows.await(
        10, "captions stopped at the spectator", () -> !viewer.captions().runningProperty().get());
    FxWindows.await(5, "start button again", () -> toggle.getText().equals("Start captions"));
  }
}
