package dev.podium.app.client;

/**
 * A microphone, speaker or camera as listed by {@link DeviceManager}.
 *
 * @param kind what it is
 * @param id webrtc-java's stable descriptor of the device
 * @param name a label to show
 */
public record MediaDeviceInfo(MediaDeviceKind kind, String id, String name) {}
