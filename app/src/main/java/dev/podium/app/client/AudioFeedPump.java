package dev.podium.app.client;

import dev.onvoid.webrtc.media.audio.AudioDeviceModuleBase;
import dev.onvoid.webrtc.media.audio.CustomAudioSource;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes an {@link AudioGenerator}'s PCM into the session's {@link CustomAudioSource} every 10 ms
 * without racing the audio module's recording thread.
 *
 * <p>Why: libwebrtc starts the module's recording thread whenever an audio send stream starts (the
 * transport becomes writable with the microphone sending: at connection, or after a renegotiation
 * that turns the microphone on). That thread feeds the send stream concurrently with {@code
 * pushAudio} and libwebrtc's race checker aborts the JVM (PLATFORM.md). So every offer/answer round
 * is a <em>hold</em>: pushing stops before it; once the connection is up (~300 ms later; at once
 * crashed once on this machine) this thread calls {@code adm.stopRecording()} and only then pushes
 * again. The recording thread and {@code pushAudio} never overlap; audio pauses ~0.3 s per round.
 */
final class AudioFeedPump implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AudioFeedPump.class);
  private static final long QUIET_NANOS = TimeUnit.MILLISECONDS.toNanos(300);

  private final AudioDeviceModuleBase adm;
  private final CustomAudioSource source;
  private final AudioGenerator generator;
  private final ScheduledExecutorService thread;
  private final short[] block = new short[AudioGenerator.SAMPLES_PER_BLOCK];
  private final byte[] bytes = new byte[AudioGenerator.SAMPLES_PER_BLOCK * 2];
  private boolean held = true;
  private boolean awaitingConnection = true;
  private boolean stopRecordingDue;
  private long quietUntil;
  private boolean closed;
  private long pushed;

  AudioFeedPump(
      String name, AudioDeviceModuleBase adm, CustomAudioSource source, AudioGenerator generator) {
    this.adm = adm;
    this.source = source;
    this.generator = generator;
    this.thread =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, name + "-audio");
              t.setDaemon(true);
              return t;
            });
    thread.scheduleAtFixedRate(this::tick, 10, 10, TimeUnit.MILLISECONDS);
  }

  /** Stops pushing; when this returns no push is in flight. */
  synchronized void hold() {
    held = true;
  }

  /** Ends a hold once the connection is up ({@code connected}, or at {@link #connected()}). */
  synchronized void release(boolean connected) {
    awaitingConnection = !connected;
    if (connected) {
      quiet();
    }
  }

  /** The peer connection reached CONNECTED: a hold waiting for it ends. */
  synchronized void connected() {
    if (held && awaitingConnection) {
      awaitingConnection = false;
      quiet();
    }
  }

  private void quiet() {
    quietUntil = System.nanoTime() + QUIET_NANOS;
    stopRecordingDue = true;
    held = false;
  }

  synchronized long pushedBlocks() {
    return pushed;
  }

  private synchronized void tick() {
    if (closed || held || System.nanoTime() - quietUntil < 0) {
      return;
    }
    try {
      if (stopRecordingDue) {
        stopRecordingDue = false;
        adm.stopRecording();
      }
      generator.fill(block);
      for (int i = 0; i < block.length; i++) {
        bytes[2 * i] = (byte) block[i];
        bytes[2 * i + 1] = (byte) (block[i] >> 8);
      }
      source.pushAudio(bytes, 16, AudioGenerator.SAMPLE_RATE, 1, block.length);
      pushed++;
    } catch (RuntimeException e) {
      LOG.warn("audio generator failed; sending nothing more", e);
      closed = true;
    }
  }

  /** Stops the thread; when this returns no push is in flight. Idempotent. */
  @Override
  public void close() {
    synchronized (this) {
      closed = true;
    }
    thread.shutdownNow();
    try {
      thread.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
