package dev.podium.app.audience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.app.FxWindows;
import dev.podium.app.Ui;
import dev.podium.app.host.HostConsoleViewModel;
import dev.podium.app.meeting.FakeMeetingGateway;
import dev.podium.app.meeting.FakeWebinar;
import dev.podium.app.stage.MeetingView;
import dev.podium.app.stage.MeetingViewModel;
import dev.podium.app.stage.SidePanel;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * Two windows in one JVM over a fake webinar (the SDK has no host actions yet): a spectator raises
 * a hand, the host brings them to the stage, the spectator's window switches to presenter controls,
 * the host sends them back and the spectator sees why.
 */
@ExtendWith(ApplicationExtension.class)
class StageInvitationViewTest {

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
  void raisedHandBroughtToStageAndSentBack(FxRobot robot) {
    FakeWebinar webinar = new FakeWebinar();
    FakeMeetingGateway hostGw = webinar.join(new FakeMeetingGateway("h1", "Hana", "host"));
    FakeMeetingGateway viewerGw = webinar.join(new FakeMeetingGateway("v1", "Vic", "viewer"));
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

    // The spectator has no microphone or camera controls, and asked for no device.
    assertThat(robot.from(viewerRoot).lookup("#spectator-controls").tryQuery()).isPresent();
    assertThat(robot.from(viewerRoot).lookup("#mute-button").tryQuery()).isEmpty();
    assertThat(viewerGw.calls).isEmpty();

    FxWindows.runFx(viewerWindow::toFront);
    robot.clickOn(robot.from(viewerRoot).lookup("#raise-hand-button").queryButton());
    FxWindows.await(
        5,
        "hand in the host's queue",
        () -> robot.from(hostRoot).lookup("#bring-v1").tryQuery().isPresent());

    // Windows overlap on the virtual screen: the robot clicks into the front one.
    FxWindows.runFx(hostWindow::toFront);
    robot.clickOn(robot.from(hostRoot).lookup("#bring-v1").queryButton());
    FxWindows.await(
        5,
        "presenter controls",
        () -> robot.from(viewerRoot).lookup("#presenter-controls").tryQuery().isPresent());
    assertThat(robot.from(viewerRoot).lookup("#mute-button").tryQuery()).isPresent();
    assertThat(robot.from(viewerRoot).lookup("#leave-stage-button").queryButton().isVisible())
        .isTrue();
    assertThat(robot.from(hostRoot).lookup("#bring-v1").tryQuery()).isEmpty();
    assertThat(robot.from(hostRoot).lookup("#tile-P-1").tryQuery()).isPresent();

    robot.clickOn(robot.from(hostRoot).lookup("#send-back-P-1").queryButton());
    FxWindows.await(
        5,
        "spectator controls again",
        () -> robot.from(viewerRoot).lookup("#spectator-controls").tryQuery().isPresent());
    Label banner = robot.from(viewerRoot).lookup("#meeting-banner-text").queryAs(Label.class);
    assertThat(banner.getText()).isEqualTo("The host sent you back to the audience.");
    assertThat(banner.isVisible()).isTrue();
    assertThat(robot.from(hostRoot).lookup("#tile-P-1").tryQuery()).isEmpty();
  }
}
