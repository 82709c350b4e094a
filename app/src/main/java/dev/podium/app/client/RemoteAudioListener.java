package dev.podium.app.client;

/**
 * Receives the meeting audio (the server's mix) as 16-bit little-endian PCM as it is played out;
 * meant for tests and recorders. It runs on the audio module's thread: copy and return at once.
 * With the headless audio module (no sound system) this is the only way to hear the meeting.
 */
@FunctionalInterface
public interface RemoteAudioListener {
  /**
   * One block of PCM.
   *
   * @param pcm interleaved 16-bit little-endian samples; valid only during the call
   * @param sampleRate samples per second per channel
   * @param channels channel count
   * @param frames samples per channel in {@code pcm}
   */
  void onAudio(byte[] pcm, int sampleRate, int channels, int frames);
}
