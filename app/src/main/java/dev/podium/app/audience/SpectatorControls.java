package dev.podium.app.audience;

import dev.podium.app.Icons;
import dev.podium.app.Ui;
import dev.podium.app.stage.MeetingViewModel;
import dev.podium.app.stage.SidePanel;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The spectator toolbar: raise hand, chat, captions, leave. No microphone or camera controls: the
 * app asks for no device until the viewer is brought to the stage.
 */
public final class SpectatorControls extends HBox {

  public SpectatorControls(MeetingViewModel model) {
    setId("spectator-controls");
    getStyleClass().addAll("toolbar", "spectator");
    setAlignment(Pos.CENTER);

    Label watching = new Label("You are watching");
    watching.getStyleClass().add("watching");

    Button hand = Ui.toolButton("raise-hand-button", Icons.HAND, "Raise hand", "Ctrl+Shift+H");
    hand.setOnAction(e -> model.toggleHand());
    model
        .handRaisedProperty()
        .addListener((o, a, up) -> hand.setText(up ? "Lower hand" : "Raise hand"));
    Ui.styleWhen(hand, "raised", model.handRaisedProperty());

    Button chat = Ui.toolButton("chat-button", Icons.CHAT, "Chat", "Ctrl+Shift+C");
    chat.setOnAction(e -> model.toggleChat());
    Ui.styleWhen(chat, "active", model.panelProperty().isEqualTo(SidePanel.CHAT));

    Button captions = Ui.toolButton("captions-button", Icons.CAPTIONS, "Captions", "Ctrl+Shift+K");
    captions.setOnAction(e -> model.toggleCaptions());
    Ui.styleWhen(captions, "active", model.captions().enabledProperty());

    Button leave = Ui.toolButton("leave-button", Icons.LEAVE, "Leave", null);
    leave.getStyleClass().add("leave");
    leave.setOnAction(e -> model.leave());

    Region left = new Region();
    Region right = new Region();
    HBox.setHgrow(left, Priority.ALWAYS);
    HBox.setHgrow(right, Priority.ALWAYS);
    HBox center = new HBox(6, hand, chat, captions);
    center.getStyleClass().add("tool-group");
    setSpacing(12);
    getChildren().addAll(watching, left, center, right, leave);
  }
}
