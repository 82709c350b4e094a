package dev.podium.app.settings;

import dev.podium.app.client.MediaDeviceInfo;
import java.util.List;
import java.util.function.Function;
import java.util.prefs.Preferences;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Device setup: choose camera, microphone and speaker (remembered by name in {@link Preferences}),
 * with clear "no camera" / "no microphone" / "no speaker" states instead of errors.
 */
public final class DeviceSetupViewModel {
  static final String CAMERA_KEY = "camera";
  static final String MICROPHONE_KEY = "microphone";
  static final String SPEAKER_KEY = "speaker";

  private final Preferences prefs;
  private final Function<MediaDeviceInfo, String> speakerTester;
  private final ObservableList<MediaDeviceInfo> cameras = FXCollections.observableArrayList();
  private final ObservableList<MediaDeviceInfo> microphones = FXCollections.observableArrayList();
  private final ObservableList<MediaDeviceInfo> speakers = FXCollections.observableArrayList();
  private final ObjectProperty<MediaDeviceInfo> camera = new SimpleObjectProperty<>();
  private final ObjectProperty<MediaDeviceInfo> microphone = new SimpleObjectProperty<>();
  private final ObjectProperty<MediaDeviceInfo> speaker = new SimpleObjectProperty<>();
  private final DoubleProperty micLevel = new SimpleDoubleProperty();
  private final StringProperty speakerResult = new SimpleStringProperty("");
  private final BooleanBinding noCamera = Bindings.isEmpty(cameras);
  private final BooleanBinding noMicrophone = Bindings.isEmpty(microphones);
  private final BooleanBinding noSpeaker = Bindings.isEmpty(speakers);

  /**
   * @param speakerTester plays a test sound on a speaker: null when it played, else a sentence
   *     saying why not
   */
  public DeviceSetupViewModel(
      DeviceCatalog catalog, Preferences prefs, Function<MediaDeviceInfo, String> speakerTester) {
    this.prefs = prefs;
    this.speakerTester = speakerTester;
    cameras.setAll(catalog.cameras());
    microphones.setAll(catalog.microphones());
    speakers.setAll(catalog.speakers());
    camera.set(remembered(cameras, CAMERA_KEY));
    microphone.set(remembered(microphones, MICROPHONE_KEY));
    speaker.set(remembered(speakers, SPEAKER_KEY));
    camera.addListener((o, a, d) -> remember(CAMERA_KEY, d));
    microphone.addListener((o, a, d) -> remember(MICROPHONE_KEY, d));
    speaker.addListener((o, a, d) -> remember(SPEAKER_KEY, d));
  }

  private MediaDeviceInfo remembered(List<MediaDeviceInfo> devices, String key) {
    String name = prefs.get(key, null);
    return devices.stream()
        .filter(d -> d.name().equals(name))
        .findFirst()
        .orElse(devices.isEmpty() ? null : devices.get(0));
  }

  private void remember(String key, MediaDeviceInfo device) {
    if (device != null) {
      prefs.put(key, device.name());
    }
  }

  /** Plays the test sound and reports the outcome in {@link #speakerResultProperty()}. */
  public void testSpeaker() {
    if (noSpeaker.get()) {
      speakerResult.set("No speaker found, so there is nothing to play the test sound on.");
      return;
    }
    String error = speakerTester.apply(speaker.get());
    speakerResult.set(error == null ? "Playing a test sound. Can you hear it?" : error);
  }

  /** The camera's state as a sentence. */
  public String cameraMessage() {
    return noCamera.get()
        ? "No camera found. Others will see your initials instead of video."
        : "Your camera preview starts when you join a meeting.";
  }

  /** The microphone's state as a sentence. */
  public String microphoneMessage() {
    return noMicrophone.get()
        ? "No microphone found. You can still join, watch, listen and chat."
        : "Speak to see the level move.";
  }

  public ObservableList<MediaDeviceInfo> cameras() {
    return cameras;
  }

  public ObservableList<MediaDeviceInfo> microphones() {
    return microphones;
  }

  public ObservableList<MediaDeviceInfo> speakers() {
    return speakers;
  }

  public ObjectProperty<MediaDeviceInfo> cameraProperty() {
    return camera;
  }

  public ObjectProperty<MediaDeviceInfo> microphoneProperty() {
    return microphone;
  }

  public ObjectProperty<MediaDeviceInfo> speakerProperty() {
    return speaker;
  }

  /** Input level 0–1 for the meter. */
  public DoubleProperty micLevelProperty() {
    return micLevel;
  }

  public ReadOnlyStringProperty speakerResultProperty() {
    return speakerResult;
  }

  public BooleanBinding noCameraProperty() {
    return noCamera;
  }

  public BooleanBinding noMicrophoneProperty() {
    return noMicrophone;
  }

  public BooleanBinding noSpeakerProperty() {
    return noSpeaker;
  }
}
