package dev.podium.app.settings;

import dev.podium.app.client.DeviceManager;
import dev.podium.app.client.MediaDeviceInfo;
import java.util.List;

/** {@link DeviceCatalog} over the SDK's {@link DeviceManager} (never hangs, never throws). */
public final class SdkDeviceCatalog implements DeviceCatalog {
  private final DeviceManager devices;

  public SdkDeviceCatalog(DeviceManager devices) {
    this.devices = devices;
  }

  @Override
  public List<MediaDeviceInfo> cameras() {
    return devices.cameras();
  }

  @Override
  public List<MediaDeviceInfo> microphones() {
    return devices.audioInputs();
  }

  @Override
  public List<MediaDeviceInfo> speakers() {
    return devices.audioOutputs();
  }
}
