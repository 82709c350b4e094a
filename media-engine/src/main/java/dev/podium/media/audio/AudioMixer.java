package dev.podium.media.audio;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Server-side mix-minus audio mixer for one meeting, driven by {@link #tick()} every 20 ms and
 * confined to the caller's event loop (no locks; every method runs on that thread).
 *
 * <p>Each tick decodes one 20 ms frame per active unmuted source, ranks sources by smoothed level
 * and mixes the loudest {@code maxSpeakers}. It then encodes the full mix once, shared by every
 * listener who is not a mixed speaker, and one mix-minus (the mix without their own voice) per
 * mixed speaker who has a listener. Encoder work therefore grows with the number of speakers, not
 * listeners. A mix with no voice in it is sent as the constant Opus silence frame, costing no
 * encoder.
 *
 * <p>Encoder continuity: the shared encoder lives as long as the mixer and is restarted only when
 * the mix resumes after silence. Each mixed speaker takes an encoder from a small pool on entering
 * the mix and restarts it, so its first packet depends on no stale history; the encoder goes back
 * to the pool when the speaker leaves. A listener moved between the shared stream and its mix-minus
 * thus receives packets from another encoder with the same RTP timeline; Opus packets are
 * self-delimiting and decodable by a running decoder, which at worst hears a short transient
 * (tested by decoding across a switch).
 */
public final class AudioMixer implements AutoCloseable {

  private static final int FRAME = OpusCodecs.FRAME_SAMPLES;

  /** Smoothed level below which a source does not take a mix slot (about -48 dBFS). */
  static final double SPEAKING_VOLUME = 0.2;

  /** Bonus a mixed speaker keeps when re-ranked, so near-equal voices do not flap. */
  private static final double HYSTERESIS = 0.05;

  /** Minimum interval between level notifications. */
  static final long LEVEL_INTERVAL_MILLIS = 200;

  private final AudioMixerConfig config;
  private final OpusCodecs codecs;
  private final LongSupplier clockMillis;
  private final MixerCounters counters = new MixerCounters();

  private final List<AudioMixerSource> sources = new ArrayList<>();
  private final Map<String, AudioMixerSource> sourcesById = new HashMap<>();
  private final List<Listener> listeners = new ArrayList<>();
  private final Map<String, Listener> listenersById = new HashMap<>();

  private final AudioMixerSource[] mixed;
  private final AudioMixerSource[] candidates;
  private int mixedCount;
  private final ArrayDeque<MixOutput> pool = new ArrayDeque<>();
  private final MixOutput shared;
  private final int[] full = new int[FRAME];
  private final int[] minus = new int[FRAME];

  private long rtpTimestamp;
  private AudioLevelListener levelListener;
  private long lastLevelCheck = Long.MIN_VALUE / 2;
  private AudioLevels lastNotified;
  private boolean closed;

  /** One listener: an id, whose voice it is (may be null) and where its packets go. */
  private static final class Listener {
    final String id;
    final String ownSourceId;
    final AudioMixerSink sink;
    AudioMixerSource ownSource;

    Listener(String id, String ownSourceId, AudioMixerSink sink) {
      this.id = id;
      this.ownSourceId = ownSourceId;
      this.sink = sink;
    }
  }

  /**
   * A mixer using {@code codecs} and the given clock (milliseconds; tests pass a fake one).
   *
   * @param clockMillis the clock that also stamps {@code arrivalMillis} of received packets
   */
  public AudioMixer(AudioMixerConfig config, OpusCodecs codecs, LongSupplier clockMillis) {
    this.config = config;
    this.codecs = codecs;
    this.clockMillis = clockMillis;
    this.mixed = new AudioMixerSource[config.maxSpeakers()];
    this.candidates = new AudioMixerSource[config.maxSpeakers()];
    this.shared = new MixOutput(codecs, config);
  }

  /** The configuration this mixer was built with. */
  public AudioMixerConfig config() {
    return config;
  }

  /**
   * Adds a sending attendee.
   *
   * @throws IllegalArgumentException if the id is taken
   * @throws IllegalStateException after {@link #close()}
   */
  public AudioMixerSource addSource(String sourceId) {
    checkOpen();
    if (sourcesById.containsKey(sourceId)) {
      throw new IllegalArgumentException("source already added: " + sourceId);
    }
    AudioMixerSource source = new AudioMixerSource(sourceId, config, codecs, counters);
    sources.add(source);
    sourcesById.put(sourceId, source);
    for (Listener l : listeners) {
      if (sourceId.equals(l.ownSourceId)) {
        l.ownSource = source;
        source.ownListeners++;
      }
    }
    return source;
  }

  /** Removes a source; idempotent. Its own listeners then get the shared mix. */
  public void removeSource(String sourceId) {
    AudioMixerSource source = sourcesById.remove(sourceId);
    if (source == null) {
      return;
    }
    sources.remove(source);
    unmix(source);
    for (Listener l : listeners) {
      if (l.ownSource == source) {
        l.ownSource = null;
      }
    }
    source.close();
  }

  /** The source with this id, or null. */
  public AudioMixerSource source(String sourceId) {
    return sourcesById.get(sourceId);
  }

  /**
   * Adds a listener.
   *
   * @param ownSourceId the listener's own source, whose voice it must not hear, or null
   * @throws IllegalArgumentException if the id is taken
   */
  public void addListener(String listenerId, String ownSourceId, AudioMixerSink sink) {
    checkOpen();
    if (listenersById.containsKey(listenerId)) {
      throw new IllegalArgumentException("listener already added: " + listenerId);
    }
    Listener l = new Listener(listenerId, ownSourceId, sink);
    if (ownSourceId != null) {
      l.ownSource = sourcesById.get(ownSourceId);
      if (l.ownSource != null) {
        l.ownSource.ownListeners++;
      }
    }
    listeners.add(l);
    listenersById.put(listenerId, l);
  }

  /** Removes a listener; idempotent. */
  public void removeListener(String listenerId) {
    Listener l = listenersById.remove(listenerId);
    if (l == null) {
      return;
    }
    listeners.remove(l);
    if (l.ownSource != null) {
      l.ownSource.ownListeners--;
    }
  }

  /** Sets (or clears, with null) the listener told about level changes. */
  public void setLevelListener(AudioLevelListener listener) {
    this.levelListener = listener;
    this.lastNotified = null;
  }

  /** Runs one 20 ms mixing step: decode, rank, mix, encode, deliver. Never throws. */
  public void tick() {
    if (closed) {
      return;
    }
    long t0 = System.nanoTime();
    long now = clockMillis.getAsLong();
    for (int i = 0; i < sources.size(); i++) {
      sources.get(i).prepare(now);
    }
    selectSpeakers();
    mix();
    deliver();
    rtpTimestamp += FRAME;
    counters.ticks++;
    maybeNotifyLevels(now);
    long took = System.nanoTime() - t0;
    counters.lastTickNanos = took;
    counters.maxTickNanos = Math.max(counters.maxTickNanos, took);
  }

  private void selectSpeakers() {
    // Partial selection of the loudest candidates: O(sources × maxSpeakers), no allocation.
    int n = 0;
    for (int i = 0; i < sources.size(); i++) {
      AudioMixerSource s = sources.get(i);
      if (!s.active() || s.muted() || s.smoothedVolume() < SPEAKING_VOLUME) {
        continue;
      }
      double score = score(s);
      int pos = n;
      while (pos > 0 && score(candidates[pos - 1]) < score) {
        pos--;
      }
      if (pos < candidates.length) {
        int last = Math.min(n, candidates.length - 1);
        System.arraycopy(candidates, pos, candidates, pos + 1, last - pos);
        candidates[pos] = s;
        n = Math.min(n + 1, candidates.length);
      }
    }
    // Release speakers who dropped out, then take encoders for newcomers.
    for (int i = 0; i < mixedCount; i++) {
      if (!contains(candidates, n, mixed[i])) {
        unmixOutput(mixed[i]);
      }
    }
    for (int i = 0; i < n; i++) {
      AudioMixerSource s = candidates[i];
      if (s.output == null) {
        MixOutput out = pool.isEmpty() ? new MixOutput(codecs, config) : pool.pop();
        out.restart();
        s.output = out;
      }
      mixed[i] = s;
    }
    for (int i = n; i < mixedCount; i++) {
      mixed[i] = null;
    }
    mixedCount = n;
  }

  private static double score(AudioMixerSource s) {
    return s.smoothedVolume() + (s.output != null ? HYSTERESIS : 0.0);
  }

  private static boolean contains(AudioMixerSource[] array, int n, AudioMixerSource s) {
    for (int i = 0; i < n; i++) {
      if (array[i] == s) {
        return true;
      }
    }
    return false;
  }

  private void mix() {
    java.util.Arrays.fill(full, 0);
    for (int k = 0; k < mixedCount; k++) {
      short[] f = mixed[k].frame();
      for (int i = 0; i < FRAME; i++) {
        full[i] += f[i];
      }
    }
    boolean anyShared = listeners.size() > countOwnMixedListeners();
    if (anyShared) {
      if (mixedCount == 0) {
        shared.writeSilence(counters);
      } else {
        if (shared.silent) {
          shared.restart();
        }
        shared.encode(full, counters);
      }
    }
    for (int k = 0; k < mixedCount; k++) {
      AudioMixerSource s = mixed[k];
      if (s.ownListeners == 0) {
        continue;
      }
      if (mixedCount == 1) {
        s.output.writeSilence(counters); // nobody else to hear
        continue;
      }
      short[] f = s.frame();
      for (int i = 0; i < FRAME; i++) {
        minus[i] = full[i] - f[i];
      }
      s.output.encode(minus, counters);
    }
  }

  private int countOwnMixedListeners() {
    int n = 0;
    for (int k = 0; k < mixedCount; k++) {
      n += mixed[k].ownListeners;
    }
    return n;
  }

  private void deliver() {
    for (int i = 0; i < listeners.size(); i++) {
      Listener l = listeners.get(i);
      MixOutput own = l.ownSource != null ? l.ownSource.output : null;
      MixOutput out = own != null ? own : shared;
      try {
        l.sink.onFrame(out.packet, out.length, rtpTimestamp, own == null);
      } catch (RuntimeException e) {
        counters.sinkErrors++;
      }
    }
  }

  private void unmix(AudioMixerSource source) {
    for (int i = 0; i < mixedCount; i++) {
      if (mixed[i] == source) {
        System.arraycopy(mixed, i + 1, mixed, i, mixedCount - i - 1);
        mixed[--mixedCount] = null;
        break;
      }
    }
    unmixOutput(source);
  }

  private void unmixOutput(AudioMixerSource source) {
    if (source.output != null) {
      pool.push(source.output);
      source.output = null;
    }
  }

  private void maybeNotifyLevels(long now) {
    if (levelListener == null || now - lastLevelCheck < LEVEL_INTERVAL_MILLIS) {
      return;
    }
    lastLevelCheck = now;
    AudioLevels rounded = snapshot(true);
    if (!rounded.equals(lastNotified)) {
      lastNotified = rounded;
      try {
        levelListener.onAudioLevels(rounded);
      } catch (RuntimeException e) {
        counters.sinkErrors++;
      }
    }
  }

  /** Every source's current level and the active-speaker ordering (not rounded). */
  public AudioLevels levels() {
    return snapshot(false);
  }

  private AudioLevels snapshot(boolean round) {
    List<AudioLevel> list = new ArrayList<>(sources.size());
    List<AudioMixerSource> speaking = new ArrayList<>();
    for (AudioMixerSource s : sources) {
      double v = round ? round1(s.smoothedVolume()) : s.smoothedVolume();
      double sig = round ? round1(s.signal()) : s.signal();
      list.add(new AudioLevel(s.id(), v, s.muted(), s.active(), sig));
      if (s.active() && !s.muted() && s.smoothedVolume() >= SPEAKING_VOLUME) {
        speaking.add(s);
      }
    }
    speaking.sort(Comparator.comparingDouble(AudioMixerSource::smoothedVolume).reversed());
    List<String> order = new ArrayList<>(speaking.size());
    for (AudioMixerSource s : speaking) {
      order.add(s.id());
    }
    return new AudioLevels(list, order);
  }

  private static double round1(double v) {
    return Math.round(v * 10.0) / 10.0;
  }

  /** Ids of the sources mixed in the last tick, loudest first. */
  public List<String> mixedSpeakers() {
    List<String> ids = new ArrayList<>(mixedCount);
    for (int i = 0; i < mixedCount; i++) {
      ids.add(mixed[i].id());
    }
    return ids;
  }

  /** Counters since creation. */
  public AudioMixerStats stats() {
    return counters.snapshot();
  }

  /** The 48 kHz RTP timestamp the next tick will stamp. */
  public long rtpTimestamp() {
    return rtpTimestamp;
  }

  /** Removes every source and listener; idempotent. Later ticks do nothing. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (AudioMixerSource s : sources) {
      s.close();
    }
    sources.clear();
    sourcesById.clear();
    listeners.clear();
    listenersById.clear();
    mixedCount = 0;
    pool.clear();
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("mixer closed");
    }
  }
}
