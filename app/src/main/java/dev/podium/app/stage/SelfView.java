package dev.podium.app.stage;

import dev.podium.app.Icons;
import dev.podium.app.Ui;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;

/** This attendee's own small tile, in the strip under the grid (beside the captions). */
public final class SelfView extends StackPane {

  public SelfView(MeetingViewModel model) {
    setId("self-view");
    getStyleClass().addAll("video-tile", "self-view");
    setMinSize(176, 99);
    setPrefSize(176, 99);
    setMaxSize(176, 99);
    ParticipantItem self = model.self();
    Label avatar = new Label(self.initials());
    avatar.getStyleClass().addAll("avatar", "small");
    Label camera = new Label("Camera on");
    camera.getStyleClass().add("self-camera");
    Ui.showWhen(camera, model.cameraOnProperty());
    avatar.visibleProperty().bind(model.cameraOnProperty().not());
    var mic = Icons.icon(Icons.MIC_OFF);
    StackPane mutedBadge = new StackPane(mic);
    mutedBadge.getStyleClass().addAll("tile-badge", "badge-muted");
    Ui.showWhen(mutedBadge, model.mutedProperty());
    Label name = new Label("You");
    name.getStyleClass().add("tile-name");
    HBox bar = new HBox(6, mutedBadge, name);
    bar.getStyleClass().add("tile-name-bar");
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
    StackPane.setAlignment(bar, Pos.BOTTOM_LEFT);
    getChildren().addAll(avatar, camera, bar);
    Ui.styleWhen(this, "speaking", self.speakingProperty());
  }
}
