package dev.podium.app.lobby;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.app.FxWindows;
import dev.podium.app.Ui;
import dev.podium.app.client.MeetingSessionConfiguration;
import dev.podium.app.client.MeetingSessionStatus;
import dev.podium.app.meeting.FakeMeetingGateway;
import dev.podium.app.meeting.JoinedMeeting;
import dev.podium.app.meeting.MeetingGateway;
import dev.podium.app.stage.MeetingView;
import dev.podium.app.stage.MeetingViewModel;
import dev.podium.server.protocol.StatusCode;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/** The start screen end to end with a fake session: bad link, refused join, then a good join. */
@ExtendWith(ApplicationExtension.class)
class JoinFlowViewTest {
  @TempDir Path dir;

  @Test
  void joinFlowExplainsErrorsThenOpensTheMeeting(FxRobot robot) {
    FakeMeetingGateway refused =
        new FakeMeetingGateway("a1", "Ana", "presenter")
            .startResult(MeetingSessionStatus.of(StatusCode.MEETING_NOT_FOUND, "gone"));
    FakeMeetingGateway accepted = new FakeMeetingGateway("a1", "Ana", "presenter");
    FakeMeetingGateway[] next = {refused};
    MeetingLauncher launcher =
        new MeetingLauncher() {
          @Override
          public MeetingGateway gatewayFor(MeetingSessionConfiguration config) {
            return next[0];
          }

          @Override
          public CompletableFuture<JoinedMeeting> hostWebinar(String hostName) {
            return new CompletableFuture<>();
          }
        };
    StackPane[] host = new StackPane[1];
    Stage stage =
        FxWindows.show(
            () -> {
              host[0] = new StackPane();
              LobbyViewModel model =
                  new LobbyViewModel(
                      launcher,
                      new RecentMeetings(dir.resolve("recent.json")),
                      Ui.FX,
                      joined -> {
                        MeetingViewModel meeting = new MeetingViewModel(joined.gateway(), Ui.FX);
                        meeting.onJoined();
                        MeetingView view = new MeetingView(meeting, null, () -> {});
                        view.setNotificationsEnabled(false);
                        host[0].getChildren().setAll(view);
                      });
              host[0].getChildren().add(new LobbyView(model, () -> {}));
              return host[0];
            },
            1100,
            760);
    Node root = stage.getScene().getRoot();

    robot.clickOn("#join-link").write("https://example.com/hello");
    robot.clickOn("#join-button");
    Label error = robot.from(root).lookup("#join-error").queryAs(Label.class);
    assertThat(error.isVisible()).isTrue();
    assertThat(error.getText()).startsWith("That is not a Podium join link");

    FxWindows.runFx(
        () ->
            robot
                .lookup("#join-link")
                .queryTextInputControl()
                .setText(
                    "podium://join?url=ws%3A%2F%2F127.0.0.1%3A9%2Fv1%2Fsignaling%2FM1&token=t"));
    robot.clickOn("#join-button");
    assertThat(error.getText()).isEqualTo("This meeting has ended or does not exist.");
    assertThat(refused.closed).isTrue();

    next[0] = accepted;
    robot.clickOn("#join-button");
    FxWindows.await(
        5, "meeting view", () -> robot.lookup("#presenter-controls").tryQuery().isPresent());
    assertThat(robot.lookup("#mute-button").tryQuery()).isPresent();
    assertThat(robot.lookup("#lobby-view").tryQuery()).isEmpty();
    robot.clickOn("#mute-button");
    assertThat(accepted.calls).contains("mute false");
  }
}
