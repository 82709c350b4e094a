package dev.podium.media.audio;

/**
 * Receives each source's decoded 20 ms frame every tick (e.g. for live captions), on the media
 * event loop. The array is reused: copy what you keep, and return quickly — the mix waits.
 */
@FunctionalInterface
public interface SourceAudioListener {
  void onSourceFrame(String sourceId, short[] pcm48kMono, int samples, long tickMillis);
}
