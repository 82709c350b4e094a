package dev.podium.app.settings;

import dev.podium.app.client.MediaDeviceInfo;
import java.util.List;

/** The devices the device setup dialog offers (the SDK's DeviceManager in the app). */
public interface DeviceCatalog {
  List<MediaDeviceInfo> cameras();

  List<MediaDeviceInfo> microphones();

  List<MediaDeviceInfo> speakers();
}
