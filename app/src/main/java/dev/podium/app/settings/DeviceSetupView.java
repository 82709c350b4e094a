package dev.podium.app.settings;

import dev.podium.app.Icons;
import dev.podium.app.Ui;
import dev.podium.app.client.MediaDeviceInfo;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The device setup dialog's content: camera preview, microphone meter, speaker test. */
public final class DeviceSetupView extends VBox {

  public DeviceSetupView(DeviceSetupViewModel model) {
    setId("device-setup");
    getStyleClass().addAll("device-setup", "card");
    setSpacing(12);
    Label title = new Label("Audio and video");
    title.getStyleClass().add("card-title");

    // Camera
    StackPane preview = new StackPane();
    preview.setId("camera-preview");
    preview.getStyleClass().add("camera-preview");
    preview.setPrefSize(360, 200);
    Label noCamera = new Label("No camera", Icons.icon(Icons.CAMERA_OFF));
    noCamera.setId("no-camera");
    noCamera.getStyleClass().add("no-device");
    noCamera.setContentDisplay(javafx.scene.control.ContentDisplay.TOP);
    Ui.showWhen(noCamera, model.noCameraProperty());
    Label previewNote = new Label(model.cameraMessage());
    previewNote.setId("camera-message");
    previewNote.setWrapText(true);
    previewNote.getStyleClass().add("muted-text");
    preview.getChildren().add(noCamera);
    ComboBox<MediaDeviceInfo> camera =
        chooser("camera-choice", model.cameras(), model.cameraProperty());
    camera.disableProperty().bind(model.noCameraProperty());

    // Microphone
    ComboBox<MediaDeviceInfo> mic =
        chooser("microphone-choice", model.microphones(), model.microphoneProperty());
    mic.disableProperty().bind(model.noMicrophoneProperty());
    ProgressBar level = new ProgressBar();
    level.setId("mic-level");
    level.getStyleClass().add("level-meter");
    level.setMaxWidth(Double.MAX_VALUE);
    level.progressProperty().bind(model.micLevelProperty());
    Label micNote = new Label(model.microphoneMessage());
    micNote.setId(model.noMicrophoneProperty().get() ? "no-microphone" : "microphone-message");
    micNote.setWrapText(true);
    micNote
        .getStyleClass()
        .add(model.noMicrophoneProperty().get() ? "no-device-text" : "muted-text");

    // Speaker
    ComboBox<MediaDeviceInfo> speaker =
        chooser("speaker-choice", model.speakers(), model.speakerProperty());
    speaker.disableProperty().bind(model.noSpeakerProperty());
    Button test = new Button("Play test sound");
    test.setId("speaker-test");
    test.setOnAction(e -> model.testSpeaker());
    Label testResult = new Label();
    testResult.setId("speaker-result");
    testResult.setWrapText(true);
    testResult.getStyleClass().add("muted-text");
    testResult.textProperty().bind(model.speakerResultProperty());

    getChildren()
        .addAll(
            title,
            section("Camera"),
            preview,
            camera,
            previewNote,
            section("Microphone"),
            mic,
            level,
            micNote,
            section("Speaker"),
            speaker,
            test,
            testResult);
    setAlignment(Pos.TOP_LEFT);
  }

  private static Label section(String text) {
    Label l = new Label(text);
    l.getStyleClass().add("section-title");
    return l;
  }

  private static ComboBox<MediaDeviceInfo> chooser(
      String id,
      javafx.collections.ObservableList<MediaDeviceInfo> items,
      javafx.beans.property.ObjectProperty<MediaDeviceInfo> selected) {
    ComboBox<MediaDeviceInfo> box = new ComboBox<>(items);
    box.setId(id);
    box.setMaxWidth(Double.MAX_VALUE);
    box.setPromptText("None found");
    box.valueProperty().bindBidirectional(selected);
    box.setCellFactory(v -> new NameCell());
    box.setButtonCell(new NameCell());
    return box;
  }

  /** Shows a device by its name. */
  private static final class NameCell extends ListCell<MediaDeviceInfo> {
    @Override
    protected void updateItem(MediaDeviceInfo d, boolean empty) {
      super.updateItem(d, empty);
      setText(empty || d == null ? null : d.name());
    }
  }
}
