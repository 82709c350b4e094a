package dev.podium.app.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podium.app.FxWindows;
import dev.podium.app.Ui;
import dev.podium.app.client.AudioMode;
import dev.podium.app.client.MeetingSessionConfiguration;
import dev.podium.app.client.SessionOptions;
import dev.podium.app.meeting.SdkMeetingGateway;
import dev.podium.app.stage.MeetingView;
import dev.podium.app.stage.MeetingViewModel;
import dev.podium.server.boot.PodiumServer;
import dev.podium.server.boot.ServerConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * Two real SDK sessions (webrtc-java, headless audio) in one JVM against an in-process Podium
 * server, each in its own meeting window, chat through the UI. Runs inside tools/loopback-only.
 */
@ExtendWith(ApplicationExtension.class)
class TwoSessionsChatViewTest {
  private static final String KEY = "ui-chat-test-key-0123456789";
  private static final ObjectMapper JSON = new ObjectMapper();
  private PodiumServer server;
  private SdkMeetingGateway ana;
  private SdkMeetingGateway ben;

  @BeforeEach
  void startServer() {
    server = PodiumServer.start(ServerConfig.ephemeral(KEY));
  }

  @AfterEach
  void stop() {
    if (ana != null) {
      ana.close();
    }
    if (ben != null) {
      ben.close();
    }
    server.close();
  }

  private JsonNode post(String path, String body) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + path))
                    .header("Authorization", "Bearer " + KEY)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isBetween(200, 299);
    return JSON.readTree(r.body());
  }

  private SdkMeetingGateway join(JsonNode meeting, String name) throws Exception {
    JsonNode attendee =
        post(
            "/meetings/" + meeting.get("MeetingId").asText() + "/attendees",
            "{\"ExternalUserId\":\"" + name + "\"}");
    SdkMeetingGateway gateway =
        SdkMeetingGateway.create(
            MeetingSessionConfiguration.fromControlApi(
                meeting.toString(), attendee.toString(), null),
            SessionOptions.defaults().withAudioMode(AudioMode.HEADLESS),
            null);
    assertThat(gateway.start().get(30, TimeUnit.SECONDS).isOk()).isTrue();
    return gateway;
  }

  private static Stage window(SdkMeetingGateway gateway) {
    return FxWindows.show(
        () -> {
          MeetingViewModel model = new MeetingViewModel(gateway, Ui.FX);
          model.onJoined();
          MeetingView view = new MeetingView(model, null, () -> {});
          view.setNotificationsEnabled(false);
          return view;
        },
        1100,
        720);
  }

  @Test
  void twoSessionsChatThroughTheirWindows(FxRobot robot) throws Exception {
    JsonNode meeting = post("/meetings", "{\"ExternalMeetingId\":\"ui-chat\"}").get("Meeting");
    ana = join(meeting, "Ana");
    ben = join(meeting, "Ben");
    Stage anaWindow = window(ana);
    Stage benWindow = window(ben);
    Node anaRoot = anaWindow.getScene().getRoot();
    Node benRoot = benWindow.getScene().getRoot();

    // Each sees the other on the stage (presence came before the window existed).
    FxWindows.await(
        10,
        "Ben's tile at Ana",
        () -> robot.from(anaRoot).lookup(".video-tile").queryAll().size() >= 2);

    FxWindows.runFx(anaWindow::toFront);
    robot.clickOn(robot.from(anaRoot).lookup("#chat-input").queryTextInputControl());
    robot.write("hello from Ana");
    robot.clickOn(robot.from(anaRoot).lookup("#chat-send").queryButton());

    @SuppressWarnings("unchecked")
    ListView<ChatLine> benLines =
        robot.from(benRoot).lookup("#chat-messages").queryAs(ListView.class);
    FxWindows.await(10, "message at Ben", () -> !benLines.getItems().isEmpty());
    assertThat(benLines.getItems())
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.sender()).isEqualTo("Ana");
              assertThat(l.text()).isEqualTo("hello from Ana");
            });
    @SuppressWarnings("unchecked")
    ListView<ChatLine> anaLines =
        robot.from(anaRoot).lookup("#chat-messages").queryAs(ListView.class);
    assertThat(anaLines.getItems()).extracting(ChatLine::sender).containsExactly("You");

    FxWindows.runFx(benWindow::toFront);
    robot.clickOn(robot.from(benRoot).lookup("#chat-input").queryTextInputControl());
    robot.write("hi Ana");
    robot.clickOn(robot.from(benRoot).lookup("#chat-send").queryButton());
    FxWindows.await(10, "reply at Ana", () -> anaLines.getItems().size() == 2);
    assertThat(anaLines.getItems().get(1).text()).isEqualTo("hi Ana");
  }
}
