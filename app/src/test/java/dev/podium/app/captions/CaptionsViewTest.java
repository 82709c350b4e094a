package dev.podium.app.captions;

import static dev.podium.app.TestTranscripts.caption;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.app.FxWindows;
import dev.podium.app.Ui;
import dev.podium.app.meeting.FakeMeetingGateway;
import dev.podium.app.stage.MeetingView;
import dev.podium.app.stage.MeetingViewModel;
import dev.podium.server.protocol.ServerMessage.AttendeeInfo;
import dev.podium.server.protocol.ServerMessage.PresenceState;
import javafx.scene.Node;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/** Transcription events from the session's thread appear in the spectator's captions bar. */
@ExtendWith(ApplicationExtension.class)
class CaptionsViewTest {

  private static String textOf(Node row) {
    StringBuilder out = new StringBuilder();
    TextFlow flow = (TextFlow) ((javafx.scene.layout.HBox) row).getChildren().get(0);
    flow.getChildren().forEach(n -> out.append(((Text) n).getText()));
    return out.toString();
  }

  @Test
  void captionsAppearWhenTranscriptionEventsArrive(FxRobot robot) throws Exception {
    FakeMeetingGateway gw = new FakeMeetingGateway("v1", "Vic", "viewer");
    MeetingViewModel model = FxWindows.onFx(() -> new MeetingViewModel(gw, Ui.FX));
    Node root =
        FxWindows.show(
                () -> {
                  MeetingView v = new MeetingView(model, null, () -> {});
                  v.setNotificationsEnabled(false);
                  return v;
                },
                1100,
                700)
            .getScene()
            .getRoot();
    assertThat(robot.from(root).lookup("#captions-bar").query().isVisible()).isFalse();

    Thread sdkThread =
        new Thread(
            () -> {
              gw.fire(
                  l ->
                      l.onAttendeePresence(
                          new AttendeeInfo("a1", "Ana", "presenter", false), PresenceState.JOINED));
              gw.fire(l -> l.onTranscript(caption("r1", "a1", null, "welcome", true)));
              gw.fire(l -> l.onTranscript(caption("r1", "a1", null, "welcome to the", true)));
            });
    sdkThread.start();
    sdkThread.join();
    FxWindows.await(
        5, "caption row", () -> robot.from(root).lookup("#caption-0").tryQuery().isPresent());
    assertThat(robot.from(root).lookup("#captions-bar").query().isVisible()).isTrue();
    assertThat(textOf(robot.from(root).lookup("#caption-0").query()))
        .isEqualTo("Ana  welcome to the");
    assertThat(robot.from(root).lookup("#caption-1").tryQuery()).isEmpty();

    gw.fire(l -> l.onTranscript(caption("r1", "a1", null, "welcome to the webinar", false)));
    gw.fire(l -> l.onTranscript(caption("r2", "a1", null, "today we", true)));
    FxWindows.await(
        5, "second row", () -> robot.from(root).lookup("#caption-1").tryQuery().isPresent());
    assertThat(textOf(robot.from(root).lookup("#caption-0").query()))
        .isEqualTo("Ana  welcome to the webinar");
    assertThat(textOf(robot.from(root).lookup("#caption-1").query())).isEqualTo("Ana  today we");
  }
}
