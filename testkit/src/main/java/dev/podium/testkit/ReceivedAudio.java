package dev.podium.testkit;

import dev.onvoid.webrtc.media.audio.AudioTrackSink;
import java.time.Duration;

/**
 * What one recvonly audio transceiver of a {@link TestPeer} played out: sample count, format, and a
 * rolling buffer of the last {@value #HISTORY_SECONDS} s of PCM (mixed down to mono) for {@link
 * Tones} analysis.
 *
 * <p>Remote audio reaches the sink only while the environment's headless module plays out (the
 * environment starts playout). The sink runs on the module's playout thread: it copies the samples
 * and returns.
 */
public final class ReceivedAudio {

  /** Seconds of PCM kept by {@link #recentPcm()}. */
  public static final int HISTORY_SECONDS = 2;

  private final String peerName;
  private final int index;
  private volatile String mid;
  private final Sink sink = new Sink();
  private long samples;
  private int sampleRate;
  private int channels;
  private short[] ring = new short[0];
  private int ringPos;
  private int ringFill;

  ReceivedAudio(String peerName, int index) {
    this.peerName = peerName;
    this.index = index;
  }

  AudioTrackSink sink() {
    return sink;
  }

  void setMid(String mid) {
    this.mid = mid;
  }

  /** The transceiver's mid, or {@code null} before the first offer. */
  public String mid() {
    return mid;
  }

  /** Position of this transceiver among the peer's receive-audio transceivers, from 0. */
  public int index() {
    return index;
  }

  /** Samples (per channel) received so far. */
  public synchronized long sampleCount() {
    return samples;
  }

  /** Sample rate of the last delivery, 0 before the first. */
  public synchronized int sampleRate() {
    return sampleRate;
  }

  /** Channel count of the last delivery, 0 before the first. */
  public synchronized int channels() {
    return channels;
  }

  /** The last up-to-{@value #HISTORY_SECONDS} s of PCM, mono, oldest first. */
  public synchronized short[] recentPcm() {
    short[] out = new short[ringFill];
    int start = (ringPos - ringFill + ring.length) % Math.max(ring.length, 1);
    for (int i = 0; i < ringFill; i++) {
      out[i] = ring[(start + i) % ring.length];
    }
    return out;
  }

  /** The last {@code window} of PCM (or less if not yet received), mono, oldest first. */
  public synchronized short[] recentPcm(Duration window) {
    short[] all = recentPcm();
    int want = (int) Math.min(all.length, window.toMillis() * Math.max(sampleRate, 1) / 1000);
    short[] out = new short[want];
    System.arraycopy(all, all.length - want, out, 0, want);
    return out;
  }

  /**
   * Waits until at least {@code n} samples (per channel) in total have been received.
   *
   * @throws PeerTimeoutException if that does not happen within {@code timeout}
   */
  public synchronized ReceivedAudio awaitSamples(long n, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (samples < n) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new PeerTimeoutException(
            String.format(
                "%s: %d audio samples on mid %s not received within %s (got %d)",
                peerName, n, mid, timeout, samples));
      }
      try {
        wait(Math.max(1, left / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new PeerOperationException(peerName + ": interrupted while waiting for audio", e);
      }
    }
    return this;
  }

  private synchronized void record(byte[] data, int bits, int rate, int chans, int frames) {
    samples += frames;
    sampleRate = rate;
    channels = chans;
    if (bits != 16 || chans <= 0 || rate <= 0) {
      notifyAll();
      return;
    }
    int capacity = rate * HISTORY_SECONDS;
    if (ring.length != capacity) {
      ring = new short[capacity];
      ringPos = 0;
      ringFill = 0;
    }
    int usable = Math.min(frames, data.length / (2 * chans));
    for (int f = 0; f < usable; f++) {
      int sum = 0;
      for (int c = 0; c < chans; c++) {
        int at = 2 * (f * chans + c);
        sum += (short) ((data[at] & 0xFF) | (data[at + 1] << 8));
      }
      ring[ringPos] = (short) (sum / chans);
      ringPos = (ringPos + 1) % ring.length;
    }
    ringFill = Math.min(ring.length, ringFill + usable);
    notifyAll();
  }

  @Override
  public synchronized String toString() {
    return "ReceivedAudio["
        + peerName
        + " mid="
        + mid
        + " samples="
        + samples
        + " "
        + sampleRate
        + " Hz x"
        + channels
        + "]";
  }

  private final class Sink implements AudioTrackSink {
    @Override
    public void onData(byte[] data, int bitsPerSample, int sampleRate, int channels, int frames) {
      record(data, bitsPerSample, sampleRate, channels, frames);
    }
  }
}
