package dev.podium.media.audio;

import dev.podium.media.rtp.SequenceNumberUnwrapper;

/**
 * A small adaptive jitter buffer for one Opus stream, ordered by RTP sequence number and drained
 * one packet per 20 ms tick; confined to the mixer's thread.
 *
 * <p>States: idle (nothing received lately) → buffering (waits until {@code target} packets are
 * queued or the first has waited {@code target} ms) → playing. While playing, each tick takes the
 * next sequence number; a gap with later packets queued is a loss (recovered from the next packet's
 * FEC when it is queued, else concealed); an empty queue is an underrun: the tick is concealed
 * without advancing, so the delay grows by a frame and a packet that was merely late still plays.
 * After {@code concealFrames} empty ticks in a row the stream counts as stopped (DTX or gone) and
 * goes idle, so silence is not concealed forever. The target grows with the interarrival jitter
 * (RFC 3550 section 6.4.1) up to the maximum; a queue that stays deeper than the target for a
 * second loses its oldest packet, so the delay shrinks back after a burst.
 */
final class AudioJitterBuffer {

  /** What {@link #poll} asks the caller to decode this tick. */
  enum Poll {
    /** Not playing: the source is silent this tick. */
    IDLE,
    /** Decode {@link #packet()}. */
    PACKET,
    /** The frame is lost; recover it from the FEC data of {@link #packet()}. */
    FEC,
    /** The frame is missing; conceal it. */
    CONCEAL
  }

  private enum State {
    IDLE,
    BUFFERING,
    PLAYING
  }

  static final int FRAME_MILLIS = 20;
  private static final int CAPACITY = 16;
  private static final int SLOT_BYTES = 1_500;
  private static final int TRIM_AFTER_TICKS = 50;

  private final byte[][] slots = new byte[CAPACITY][SLOT_BYTES];
  private final int[] lengths = new int[CAPACITY];
  private final long[] seqs = new long[CAPACITY];
  private final SequenceNumberUnwrapper unwrapper = new SequenceNumberUnwrapper();
  private final int minTargetFrames;
  private final int maxFrames;
  private final int concealFrames;
  private final MixerCounters counters;

  private State state = State.IDLE;
  private long nextSeq;
  private long highestSeq;
  private long bufferingSince;
  private int emptyTicks;
  private int deepTicks;
  private int targetFrames;

  private boolean haveTransit;
  private double lastTransit;
  private double jitterSamples;

  private int outIndex = -1;

  AudioJitterBuffer(AudioMixerConfig config, MixerCounters counters) {
    this.minTargetFrames = config.jitterTargetMillis() / FRAME_MILLIS;
    this.maxFrames = Math.min(CAPACITY - 2, config.jitterMaxMillis() / FRAME_MILLIS);
    this.concealFrames = Math.max(1, config.concealMillis() / FRAME_MILLIS);
    this.counters = counters;
    this.targetFrames = minTargetFrames;
    java.util.Arrays.fill(seqs, Long.MIN_VALUE);
  }

  /** Queues one payload; never throws. */
  AudioPacketResult offer(
      int seq, long timestamp, byte[] data, int off, int len, long arrivalMillis) {
    if (len <= 0 || len > SLOT_BYTES) {
      counters.droppedPackets++;
      return AudioPacketResult.INVALID;
    }
    updateJitter(timestamp, arrivalMillis);
    if (state == State.IDLE) {
      clear();
      unwrapper.reset();
      long ext = unwrapper.unwrap(seq);
      state = State.BUFFERING;
      nextSeq = ext;
      highestSeq = ext;
      bufferingSince = arrivalMillis;
      store(ext, data, off, len);
      return AudioPacketResult.ACCEPTED;
    }
    long ext = unwrapper.unwrap(seq);
    if (ext < nextSeq && state == State.BUFFERING && highestSeq - ext < maxFrames) {
      nextSeq = ext; // reordered before playout started: it can still play
    }
    if (ext < nextSeq) {
      counters.latePackets++;
      return AudioPacketResult.LATE;
    }
    int i = index(ext);
    if (seqs[i] == ext) {
      counters.droppedPackets++;
      return AudioPacketResult.DUPLICATE;
    }
    if (ext - nextSeq >= maxFrames) {
      // Too far ahead (a burst, or the sender jumped): keep the newest maxFrames, drop older ones.
      long newNext = ext - maxFrames + 1;
      for (long s = nextSeq; s < newNext && s < nextSeq + CAPACITY; s++) {
        int j = index(s);
        if (seqs[j] == s) {
          seqs[j] = Long.MIN_VALUE;
          counters.droppedPackets++;
        }
      }
      nextSeq = newNext;
    }
    store(ext, data, off, len);
    if (ext > highestSeq) {
      highestSeq = ext;
    }
    return AudioPacketResult.ACCEPTED;
  }

  /** Decides what this tick plays; see {@link Poll}. */
  Poll poll(long nowMillis) {
    outIndex = -1;
    if (state == State.IDLE) {
      return Poll.IDLE;
    }
    if (state == State.BUFFERING) {
      long depth = highestSeq - nextSeq + 1;
      if (depth < targetFrames && nowMillis - bufferingSince < (long) targetFrames * FRAME_MILLIS) {
        return Poll.IDLE;
      }
      state = State.PLAYING;
      emptyTicks = 0;
      deepTicks = 0;
    }
    trimIfPersistentlyDeep();
    int i = index(nextSeq);
    if (seqs[i] == nextSeq) {
      emptyTicks = 0;
      seqs[i] = Long.MIN_VALUE;
      outIndex = i;
      nextSeq++;
      return Poll.PACKET;
    }
    if (highestSeq > nextSeq) {
      emptyTicks = 0;
      nextSeq++;
      int n = index(nextSeq);
      if (seqs[n] == nextSeq) {
        outIndex = n; // read, not consumed: it plays on the next tick too
        return Poll.FEC;
      }
      return Poll.CONCEAL;
    }
    // Underrun: nothing queued. Conceal without advancing; stop after concealFrames ticks.
    if (++emptyTicks > concealFrames) {
      state = State.IDLE;
      clear();
      return Poll.IDLE;
    }
    return Poll.CONCEAL;
  }

  private void trimIfPersistentlyDeep() {
    long depth = highestSeq - nextSeq + 1;
    if (depth > targetFrames) {
      if (++deepTicks >= TRIM_AFTER_TICKS) {
        deepTicks = 0;
        int i = index(nextSeq);
        if (seqs[i] == nextSeq) {
          seqs[i] = Long.MIN_VALUE;
          counters.droppedPackets++;
        }
        nextSeq++;
      }
    } else {
      deepTicks = 0;
    }
  }

  /** The payload array of the packet chosen by the last {@link #poll}. */
  byte[] packet() {
    return slots[outIndex];
  }

  /** Length of the packet chosen by the last {@link #poll}. */
  int packetLength() {
    return lengths[outIndex];
  }

  /** Current target depth in milliseconds. */
  int targetMillis() {
    return targetFrames * FRAME_MILLIS;
  }

  /** Smoothed interarrival jitter in milliseconds (RFC 3550 section 6.4.1). */
  double jitterMillis() {
    return jitterSamples / (OpusCodecs.SAMPLE_RATE / 1000.0);
  }

  boolean idle() {
    return state == State.IDLE;
  }

  /** Forgets every queued packet and goes idle. */
  void flush() {
    clear();
    state = State.IDLE;
  }

  private void updateJitter(long timestamp, long arrivalMillis) {
    double transit = arrivalMillis * (OpusCodecs.SAMPLE_RATE / 1000.0) - timestamp;
    if (haveTransit && state != State.IDLE) {
      double d = Math.abs(transit - lastTransit);
      if (d < OpusCodecs.SAMPLE_RATE) { // ignore timestamp jumps (DTX gaps, restarts)
        jitterSamples += (d - jitterSamples) / 16.0;
      }
    }
    lastTransit = transit;
    haveTransit = true;
    double wantMillis = FRAME_MILLIS + 3.0 * jitterMillis();
    int want = (int) Math.ceil(wantMillis / FRAME_MILLIS);
    targetFrames = Math.max(minTargetFrames, Math.min(maxFrames, want));
  }

  private void store(long ext, byte[] data, int off, int len) {
    int i = index(ext);
    System.arraycopy(data, off, slots[i], 0, len);
    lengths[i] = len;
    seqs[i] = ext;
  }

  private void clear() {
    java.util.Arrays.fill(seqs, Long.MIN_VALUE);
    emptyTicks = 0;
    deepTicks = 0;
  }

  private static int index(long ext) {
    return (int) (ext & (CAPACITY - 1));
  }
}
