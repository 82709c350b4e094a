package dev.podium.app.client;

import java.util.List;

/** Told when devices come and go (hot-plug); see {@link DeviceManager#addDeviceListener}. */
@FunctionalInterface
public interface MediaDeviceListener {
  /**
   * The device lists changed.
   *
   * @param added devices that appeared
   * @param removed devices that went away
   */
  void onDevicesChanged(List<MediaDeviceInfo> added, List<MediaDeviceInfo> removed);
}
