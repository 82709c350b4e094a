package dev.podium.app.client;

/** Which audio device module a session uses. */
public enum AudioMode {
  /** The system's (PulseAudio/PipeWire) if {@link DeviceManager} finds one, else headless. */
  AUTO,
  /** The system's audio devices; fails the session start if there is no sound server. */
  SYSTEM,
  /**
   * webrtc-java's headless module: no devices, silence is sent, the meeting audio reaches only a
   * {@link RemoteAudioListener}. For servers, bots and tests.
   */
  HEADLESS
}
