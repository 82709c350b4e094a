package dev.podium.app.client;

import dev.podium.testkit.Tones;

/**
 * Keeps the last second of the meeting audio a session plays (first channel) for tone checks with
 * the testkit's Goertzel detector.
 */
final class PcmRecorder implements RemoteAudioListener {
  private final short[] ring = new short[48_000];
  private int written;
  private int rate = 48_000;

  @Override
  public synchronized void onAudio(byte[] pcm, int sampleRate, int channels, int frames) {
    rate = sampleRate;
    for (int i = 0; i < frames; i++) {
      int at = 2 * i * channels;
      ring[written % ring.length] = (short) ((pcm[at] & 0xFF) | (pcm[at + 1] << 8));
      written++;
    }
  }

  /** The last {@code millis} of audio (shorter if less was played). */
  synchronized short[] recent(int millis) {
    int n = Math.min(Math.min(written, ring.length), rate * millis / 1000);
    short[] out = new short[n];
    for (int i = 0; i < n; i++) {
      out[i] = ring[(written - n + i) % ring.length];
    }
    return out;
  }

  synchronized int sampleRate() {
    return rate;
  }

  /** Whether the last 400 ms carry {@code hz}. */
  boolean hears(double hz) {
    short[] pcm = recent(400);
    return pcm.length >= sampleRate() / 5 && Tones.hears(pcm, sampleRate(), hz);
  }
}
