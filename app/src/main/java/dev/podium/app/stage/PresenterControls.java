package dev.podium.app.stage;

import dev.podium.app.Icons;
import dev.podium.app.Ui;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The presenter toolbar: mute, camera, share, chat, captions, people, host, leave (stage). */
public final class PresenterControls extends HBox {

  public PresenterControls(MeetingViewModel model) {
    setId("presenter-controls");
    getStyleClass().add("toolbar");
    setAlignment(Pos.CENTER);

    Button mute = Ui.toolButton("mute-button", Icons.MIC_OFF, "Unmute", "Ctrl+D");
    mute.setOnAction(e -> model.toggleMute());
    model.mutedProperty().addListener((o, a, m) -> updateMute(mute, m));
    updateMute(mute, model.mutedProperty().get());

    Button camera = Ui.toolButton("camera-button", Icons.CAMERA_OFF, "Start video", "Ctrl+E");
    camera.setOnAction(e -> model.toggleCamera());
    model.cameraOnProperty().addListener((o, a, on) -> updateCamera(camera, on));
    updateCamera(camera, model.cameraOnProperty().get());

    Button share = Ui.toolButton("share-button", Icons.SCREEN, "Share", "Ctrl+Shift+S");
    share.setOnAction(e -> model.toggleScreenShare());
    Ui.styleWhen(share, "active", model.sharingProperty());

    Button chat = Ui.toolButton("chat-button", Icons.CHAT, "Chat", "Ctrl+Shift+C");
    chat.setOnAction(e -> model.toggleChat());
    Ui.styleWhen(chat, "active", model.panelProperty().isEqualTo(SidePanel.CHAT));

    Button captions = Ui.toolButton("captions-button", Icons.CAPTIONS, "Captions", "Ctrl+Shift+K");
    captions.setOnAction(e -> model.toggleCaptions());
    Ui.styleWhen(captions, "active", model.captions().enabledProperty());

    Button people = Ui.toolButton("people-button", Icons.PEOPLE, "People", "Ctrl+Shift+P");
    people.setOnAction(e -> model.togglePeople());
    Ui.styleWhen(people, "active", model.panelProperty().isEqualTo(SidePanel.PEOPLE));

    Button host = Ui.toolButton("host-button", Icons.HOST, "Host", null);
    host.setOnAction(e -> model.togglePanel(SidePanel.HOST));
    Ui.styleWhen(host, "active", model.panelProperty().isEqualTo(SidePanel.HOST));
    Ui.showWhen(host, model.hostProperty());

    Button leaveStage = Ui.toolButton("leave-stage-button", Icons.LEAVE_STAGE, "Leave stage", null);
    leaveStage.setOnAction(e -> model.leaveStage());
    Ui.showWhen(leaveStage, model.promotedProperty());

    Button leave = Ui.toolButton("leave-button", Icons.LEAVE, "Leave", null);
    leave.getStyleClass().add("leave");
    leave.setOnAction(e -> model.leave());

    Region left = new Region();
    Region right = new Region();
    HBox.setHgrow(left, Priority.ALWAYS);
    HBox.setHgrow(right, Priority.ALWAYS);
    HBox media = new HBox(6, mute, camera, share);
    HBox panels = new HBox(6, chat, captions, people, host);
    HBox exits = new HBox(6, leaveStage, leave);
    media.getStyleClass().add("tool-group");
    panels.getStyleClass().add("tool-group");
    getChildren().addAll(media, left, panels, right, exits);
    setSpacing(12);
  }

  private static void updateMute(Button b, boolean muted) {
    Icons.setPath(b.getGraphic(), muted ? Icons.MIC_OFF : Icons.MIC);
    b.setText(muted ? "Unmute" : "Mute");
    b.getStyleClass().remove("off");
    if (muted) {
      b.getStyleClass().add("off");
    }
  }

  private static void updateCamera(Button b, boolean on) {
    Icons.setPath(b.getGraphic(), on ? Icons.CAMERA : Icons.CAMERA_OFF);
    b.setText(on ? "Stop video" : "Start video");
    b.getStyleClass().remove("off");
    if (!on) {
      b.getStyleClass().add("off");
    }
  }
}
