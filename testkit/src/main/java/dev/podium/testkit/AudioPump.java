package dev.podium.testkit;

import dev.onvoid.webrtc.media.audio.AudioDeviceModuleBase;
import dev.onvoid.webrtc.media.audio.CustomAudioSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread of a {@link PeerEnvironment} that pushes every peer's audio, 10 ms at a time, and
 * keeps the headless audio module's recording thread from racing those pushes.
 *
 * <p>Why: with {@code HeadlessAudioDeviceModule}, libwebrtc starts the module's recording thread
 * whenever an audio send stream starts while the module is not recording (that happens when a
 * sending peer's transport becomes writable, i.e. at CONNECTED, and again for every later sending
 * peer). That thread delivers its own 10 ms frames to every sending stream, concurrently with
 * {@code CustomAudioSource.pushAudio} on our thread, and libwebrtc's race checker aborts the JVM.
 * So: while any audio-sending peer is between {@code setAnswer} and CONNECTED (a <em>hold</em>), no
 * peer pushes; once it is connected the pump waits a quiet period (~300 ms; stopping at once
 * crashed once on this machine), calls {@code adm.stopRecording()} on this same thread, and only
 * then resumes pushing. The recording thread and {@code pushAudio} therefore never overlap.
 */
final class AudioPump implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AudioPump.class);
  private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

  private final AudioDeviceModuleBase adm;
  private final long quietNanos;
  private final long maxHoldNanos;
  private final ScheduledExecutorService thread;
  private final List<Feed> feeds = new CopyOnWriteArrayList<>();
  private final Map<Object, Long> holds = new ConcurrentHashMap<>();
  private final AtomicLong quietUntil = new AtomicLong(System.nanoTime());
  private final AtomicBoolean stopRecordingDue = new AtomicBoolean();
  private final AtomicLong recordingStops = new AtomicLong();
  private final AtomicBoolean closed = new AtomicBoolean();

  AudioPump(AudioDeviceModuleBase adm, Duration quiet, Duration maxHold) {
    this.adm = adm;
    this.quietNanos = quiet.toNanos();
    this.maxHoldNanos = maxHold.toNanos();
    this.thread =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "podium-testkit-audio-pump");
              t.setDaemon(true);
              return t;
            });
    thread.scheduleAtFixedRate(this::tick, TICK_NANOS, TICK_NANOS, TimeUnit.NANOSECONDS);
  }

  /** Starts pushing {@code pcm} into {@code source} every 10 ms (outside holds). */
  Feed add(String name, CustomAudioSource source, PcmSource pcm) {
    Feed feed = new Feed(name, source, pcm);
    feeds.add(feed);
    return feed;
  }

  /** Stops pushing {@code feed}; when this returns no push of it is in flight. */
  void remove(Feed feed) {
    feeds.remove(feed);
    feed.stop();
  }

  /** Suspends all pushing until {@link #release} of the same key (or the maximum hold passes). */
  void hold(Object key) {
    holds.put(key, System.nanoTime() + maxHoldNanos);
  }

  /**
   * Ends a hold: after the quiet period the pump stops the module's recording, then pushes again.
   * Non-blocking, so callable from webrtc callback threads.
   */
  void release(Object key) {
    if (holds.containsKey(key)) {
      quietUntil.accumulateAndGet(System.nanoTime() + quietNanos, Math::max);
      stopRecordingDue.set(true);
      holds.remove(key);
    }
  }

  /** Whether a hold for {@code key} is in place. */
  boolean isHeld(Object key) {
    return holds.containsKey(key);
  }

  /** How many times the pump stopped the module's recording. */
  long recordingStops() {
    return recordingStops.get();
  }

  private void tick() {
    try {
      long now = System.nanoTime();
      if (!holds.isEmpty()) {
        holds.entrySet().removeIf(e -> expired(e, now));
        if (!holds.isEmpty()) {
          return;
        }
      }
      if (now - quietUntil.get() < 0) {
        return;
      }
      if (stopRecordingDue.getAndSet(false)) {
        adm.stopRecording();
        recordingStops.incrementAndGet();
        LOG.debug("headless audio module recording stopped");
      }
      for (Feed feed : feeds) {
        feed.pushOnce();
      }
    } catch (Throwable t) {
      // Never let an exception cancel the periodic task.
      LOG.error("audio pump tick failed", t);
    }
  }

  private boolean expired(Map.Entry<Object, Long> hold, long now) {
    if (now - hold.getValue() < 0) {
      return false;
    }
    LOG.warn("audio hold for {} expired; resuming audio pushes", hold.getKey());
    quietUntil.accumulateAndGet(now + quietNanos, Math::max);
    stopRecordingDue.set(true);
    return true;
  }

  /** Stops the pump thread and waits for an in-flight tick. Idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    for (Feed feed : feeds) {
      feed.stop();
    }
    feeds.clear();
    thread.shutdownNow();
    try {
      if (!thread.awaitTermination(5, TimeUnit.SECONDS)) {
        LOG.error("audio pump thread did not stop within 5 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One peer's audio being pushed. */
  static final class Feed {
    private final String name;
    private final CustomAudioSource source;
    private final PcmSource pcm;
    private final short[] block = new short[PcmSource.SAMPLES_PER_BLOCK];
    private final byte[] bytes = new byte[PcmSource.SAMPLES_PER_BLOCK * 2];
    private final AtomicLong pushed = new AtomicLong();
    private boolean stopped;
    private boolean failed;

    Feed(String name, CustomAudioSource source, PcmSource pcm) {
      this.name = name;
      this.source = source;
      this.pcm = pcm;
    }

    synchronized void pushOnce() {
      if (stopped || failed) {
        return;
      }
      try {
        pcm.fill(block);
        for (int i = 0; i < block.length; i++) {
          bytes[2 * i] = (byte) block[i];
          bytes[2 * i + 1] = (byte) (block[i] >> 8);
        }
        source.pushAudio(bytes, 16, PcmSource.SAMPLE_RATE, 1, block.length);
        pushed.incrementAndGet();
      } catch (RuntimeException e) {
        failed = true;
        LOG.error("audio feed of {} failed; it stops pushing", name, e);
      }
    }

    synchronized void stop() {
      stopped = true;
    }

    /** Blocks of 10 ms pushed so far. */
    long pushedBlocks() {
      return pushed.get();
    }
  }
}
