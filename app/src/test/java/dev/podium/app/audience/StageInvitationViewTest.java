package dev.podium.app.audience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.app.FxWindows;
import dev.podium.app.RealWebinar;
import dev.podium.app.Ui;
import dev.podium.app.host.HostConsoleViewModel;
import dev.podium.app.meeting.SdkMeetingGateway;
import dev.podium.app.stage.MeetingView;
import dev.podium.app.stage.MeetingViewModel;
import dev.podium.app.stage.ParticipantItem;
import dev.podium.app.stage.SidePanel;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * The webinar workflow through two windows over real SDK sessions (webrtc-java, headless audio) and
 * an in-process server: a host in the primary meeting, a spectator in a replica. The spectator
 * raises a hand, the host brings them to the stage, the spectator's window shows presenter
 * controls, the host sends them back and the spectator sees why. Runs inside tools/loopback-only.
 */
@ExtendWith(ApplicationExtension.class)
class StageInvitationViewTest {
  private RealWebinar webinar;

  @AfterEach
  void stop() {
    if (webinar != null) {
      webinar.close();
    }
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
  void raisedHandBroughtToStageAndSentBack(FxRobot robot) throws Exception {
    webinar = new RealWebinar();
    SdkMeetingGateway hostGw = webinar.host("Hana");
    SdkMeetingGateway viewerGw = webinar.viewer("Vic");
    String viewerId = viewerGw.self().attendeeId();
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

    // The server told the host about its audience; the spectator has no device controls.
    FxWindows.await(
        10,
        "audience counts",
        () ->
            robot
                .from(hostRoot)
                .lookup("#audience-counts")
                .queryAs(Label.class)
                .getText()
                .equals("1 viewers  ·  1 replicas"));
    assertThat(robot.from(viewerRoot).lookup("#spectator-controls").tryQuery()).isPresent();
    assertThat(robot.from(viewerRoot).lookup("#mute-button").tryQuery()).isEmpty();

    FxWindows.runFx(viewerWindow::toFront);
    robot.clickOn(robot.from(viewerRoot).lookup("#raise-hand-button").queryButton());
    FxWindows.await(
        10,
        "hand in the host's queue",
        () -> robot.from(hostRoot).lookup("#bring-" + viewerId).tryQuery().isPresent());

    // Windows overlap on the virtual screen: the robot clicks into the front one.
    FxWindows.runFx(hostWindow::toFront);
    robot.clickOn(robot.from(hostRoot).lookup("#bring-" + viewerId).queryButton());
    // The spectator had raised its hand, so it accepts the invitation by itself.
    FxWindows.await(
        15,
        "presenter controls",
        () -> robot.from(viewerRoot).lookup("#presenter-controls").tryQuery().isPresent());
    assertThat(robot.from(viewerRoot).lookup("#mute-button").tryQuery()).isPresent();
    assertThat(robot.from(viewerRoot).lookup("#leave-stage-button").queryButton().isVisible())
        .isTrue();
    assertThat(robot.from(viewerRoot).lookup("#stage-invitation").queryAs(Node.class).isVisible())
        .isFalse();
    FxWindows.await(
        10,
        "hand gone from the queue",
        () -> robot.from(hostRoot).lookup("#bring-" + viewerId).tryQuery().isEmpty());

    // The host sees Vic on the stage under a primary AttendeeId.
    FxWindows.await(
        10,
        "Vic on the host's stage",
        () -> host.stage().stream().anyMatch(p -> p.name().equals("Vic")));
    String stageId =
        FxWindows.onFx(
            () ->
                host.stage().stream()
                    .filter(p -> p.name().equals("Vic"))
                    .map(ParticipantItem::attendeeId)
                    .findFirst()
                    .orElseThrow());
    assertThat(stageId).isNotEqualTo(viewerId);
    FxWindows.await(
        5,
        "send-back button",
        () -> robot.from(hostRoot).lookup("#send-back-" + stageId).tryQuery().isPresent());

    FxWindows.runFx(hostWindow::toFront);
    robot.clickOn(robot.from(hostRoot).lookup("#send-back-" + stageId).queryButton());
    FxWindows.await(
        15,
        "spectator controls again",
        () -> robot.from(viewerRoot).lookup("#spectator-controls").tryQuery().isPresent());
    Label banner = robot.from(viewerRoot).lookup("#meeting-banner-text").queryAs(Label.class);
    assertThat(banner.getText()).isEqualTo("The host sent you back to the audience.");
    assertThat(banner.isVisible()).isTrue();
    FxWindows.await(
        10,
        "Vic gone from the host's stage",
        () -> host.stage().stream().noneMatch(p -> p.name().equals("Vic")));
  }
}
