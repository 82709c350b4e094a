package dev.podium.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.app.FxWindows;
import dev.podium.app.client.MediaDeviceInfo;
import java.util.List;
import java.util.prefs.Preferences;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

@ExtendWith(ApplicationExtension.class)
class DeviceSetupViewTest {
  private final Preferences prefs =
      Preferences.userRoot().node("dev/podium/app/test/devices-" + System.nanoTime());

  @AfterEach
  void forget() throws Exception {
    prefs.removeNode();
  }

  private static DeviceCatalog none() {
    return new DeviceCatalog() {
      public List<MediaDeviceInfo> cameras() {
        return List.of();
      }

      public List<MediaDeviceInfo> microphones() {
        return List.of();
      }

      public List<MediaDeviceInfo> speakers() {
        return List.of();
      }
    };
  }

  @Test
  void withoutDevicesTheDialogShowsNoCameraAndNoMicrophoneInsteadOfFailing(FxRobot robot) {
    DeviceSetupViewModel model = new DeviceSetupViewModel(none(), prefs, s -> null);
    FxWindows.show(() -> new DeviceSetupView(model), 440, 700);
    Label noCamera = robot.lookup("#no-camera").queryAs(Label.class);
    assertThat(noCamera.isVisible()).isTrue();
    assertThat(noCamera.getText()).isEqualTo("No camera");
    assertThat(robot.lookup("#camera-message").queryAs(Label.class).getText())
        .startsWith("No camera found.");
    assertThat(robot.lookup("#no-microphone").queryAs(Label.class).getText())
        .startsWith("No microphone found.");
    assertThat(robot.lookup("#camera-choice").queryAs(ComboBox.class).isDisabled()).isTrue();
    robot.clickOn("#speaker-test");
    assertThat(robot.lookup("#speaker-result").queryAs(Label.class).getText())
        .startsWith("No speaker found");
  }

  @Test
  void choicesAreRememberedByName() {
    MediaDeviceInfo cam1 =
        new MediaDeviceInfo(dev.podium.app.client.MediaDeviceKind.VIDEO_INPUT, "1", "Front");
    MediaDeviceInfo cam2 =
        new MediaDeviceInfo(dev.podium.app.client.MediaDeviceKind.VIDEO_INPUT, "2", "Desk");
    DeviceCatalog two =
        new DeviceCatalog() {
          public List<MediaDeviceInfo> cameras() {
            return List.of(cam1, cam2);
          }

          public List<MediaDeviceInfo> microphones() {
            return List.of();
          }

          public List<MediaDeviceInfo> speakers() {
            return List.of();
          }
        };
    DeviceSetupViewModel first = new DeviceSetupViewModel(two, prefs, s -> null);
    assertThat(first.cameraProperty().get()).isEqualTo(cam1);
    first.cameraProperty().set(cam2);
    assertThat(new DeviceSetupViewModel(two, prefs, s -> null).cameraProperty().get())
        .isEqualTo(cam2);
    assertThat(first.noCameraProperty().get()).isFalse();
  }
}
