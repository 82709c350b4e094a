package dev.podium.app.client;

/** What a {@link MediaDeviceInfo} is. */
public enum MediaDeviceKind {
  AUDIO_INPUT,
  AUDIO_OUTPUT,
  VIDEO_INPUT
}
