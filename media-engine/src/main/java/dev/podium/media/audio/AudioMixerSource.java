package dev.podium.media.audio;

import io.netty.buffer.ByteBuf;

/**
 * One attendee's Opus stream into an {@link AudioMixer}: a jitter buffer, a decoder and the level
 * of the last frame. Confined to the mixer's thread; never throws per packet.
 */
public final class AudioMixerSource {

  private static final int FRAME = OpusCodecs.FRAME_SAMPLES;
  private static final double SILENCE_DBFS = -60.0;
  private static final double RELEASE_PER_TICK = Math.pow(0.5, 20.0 / 300.0);
  private static final double LOSS_SMOOTHING = 0.05;

  private final String id;
  private final MixerCounters counters;
  private final AudioJitterBuffer buffer;
  private final OpusDecoder decoder;
  private final byte[] scratch = new byte[1_500];
  private final short[] decoded = new short[OpusCodecs.MAX_FRAME_SAMPLES];
  private final short[] fifo = new short[OpusCodecs.MAX_FRAME_SAMPLES + FRAME];
  private final short[] frame = new short[FRAME];
  private int fifoLength;

  private boolean muted;
  private boolean closed;
  private boolean hasFrame;
  private double volume;
  private double smoothedVolume;
  private double lossRatio;
  private int lastAudioLevel = -1;
  private long receivedPackets;

  /** Set by the mixer while this source is among the mixed speakers. */
  MixOutput output;

  /** Listeners whose own voice this is. */
  int ownListeners;

  AudioMixerSource(String id, AudioMixerConfig config, OpusCodecs codecs, MixerCounters counters) {
    this.id = id;
    this.counters = counters;
    this.buffer = new AudioJitterBuffer(config, counters);
    this.decoder = codecs.newDecoder(1);
  }

  /** The id given to {@link AudioMixer#addSource}. */
  public String id() {
    return id;
  }

  /**
   * Queues one received Opus RTP payload.
   *
   * @param seq RTP sequence number (16 bits)
   * @param timestamp RTP timestamp (48 kHz clock)
   * @param payload exactly the Opus payload
   * @param audioLevel RFC 6464 level (0..127 -dBov) or -1 when the extension is absent
   * @param arrivalMillis arrival time on the mixer's clock
   */
  public AudioPacketResult onRtp(
      int seq, long timestamp, byte[] payload, int audioLevel, long arrivalMillis) {
    return onRtp(seq, timestamp, payload, 0, payload.length, audioLevel, arrivalMillis);
  }

  /** As {@link #onRtp(int, long, byte[], int, long)} with the payload at {@code off, len}. */
  public AudioPacketResult onRtp(
      int seq,
      long timestamp,
      byte[] payload,
      int off,
      int len,
      int audioLevel,
      long arrivalMillis) {
    if (closed) {
      return AudioPacketResult.CLOSED;
    }
    if (muted) {
      return AudioPacketResult.MUTED;
    }
    receivedPackets++;
    lastAudioLevel = audioLevel;
    return buffer.offer(seq, timestamp, payload, off, len, arrivalMillis);
  }

  /**
   * As {@link #onRtp(int, long, byte[], int, long)} with the payload as the readable bytes of
   * {@code payload}, which is copied and not released.
   */
  public AudioPacketResult onRtp(
      int seq, long timestamp, ByteBuf payload, int audioLevel, long arrivalMillis) {
    int len = payload.readableBytes();
    if (len <= 0 || len > scratch.length) {
      counters.droppedPackets++;
      return AudioPacketResult.INVALID;
    }
    payload.getBytes(payload.readerIndex(), scratch, 0, len);
    return onRtp(seq, timestamp, scratch, 0, len, audioLevel, arrivalMillis);
  }

  /** Mutes or unmutes at the mixer; a muted source is not decoded and not mixed. */
  public void setMuted(boolean muted) {
    this.muted = muted;
    if (muted) {
      buffer.flush();
      fifoLength = 0;
      hasFrame = false;
      volume = 0;
      smoothedVolume = 0;
    }
  }

  /** Whether the source is muted at the mixer. */
  public boolean muted() {
    return muted;
  }

  /** Whether the last tick produced audio for this source (it is sending and not muted). */
  public boolean active() {
    return hasFrame;
  }

  /** Level of the last tick's frame, 0..1 (see {@link AudioLevel#volume()}). */
  public double volume() {
    return volume;
  }

  /** Level with fast attack and 300 ms half-life release, used to rank speakers. */
  public double smoothedVolume() {
    return smoothedVolume;
  }

  /** The last RFC 6464 audio level received, or -1. */
  public int lastAudioLevel() {
    return lastAudioLevel;
  }

  /** Packets handed to {@link #onRtp} while unmuted. */
  public long receivedPackets() {
    return receivedPackets;
  }

  /** Current jitter-buffer target depth in milliseconds. */
  public int jitterTargetMillis() {
    return buffer.targetMillis();
  }

  /** Reception quality 0..1 from smoothed loss and interarrival jitter. */
  public double signal() {
    double s = 1.0 - 4.0 * lossRatio - buffer.jitterMillis() / 200.0;
    return Math.max(0.0, Math.min(1.0, s));
  }

  /** This tick's mono frame; valid when {@link #active()}. */
  short[] frame() {
    return frame;
  }

  /** Pulls and decodes this tick's 20 ms frame, and updates the levels. */
  void prepare(long nowMillis) {
    hasFrame = false;
    if (!muted && !closed) {
      while (fifoLength < FRAME) {
        int n = decodeNext(nowMillis);
        if (n <= 0) {
          break;
        }
        System.arraycopy(decoded, 0, fifo, fifoLength, Math.min(n, fifo.length - fifoLength));
        fifoLength = Math.min(fifo.length, fifoLength + n);
      }
      if (fifoLength >= FRAME) {
        System.arraycopy(fifo, 0, frame, 0, FRAME);
        fifoLength -= FRAME;
        System.arraycopy(fifo, FRAME, fifo, 0, fifoLength);
        hasFrame = true;
      } else {
        fifoLength = 0;
      }
    }
    volume = hasFrame ? volumeOf(frame) : 0.0;
    smoothedVolume = Math.max(volume, smoothedVolume * RELEASE_PER_TICK);
  }

  private int decodeNext(long nowMillis) {
    AudioJitterBuffer.Poll poll = buffer.poll(nowMillis);
    int n;
    switch (poll) {
      case PACKET -> {
        counters.decoderInvocations++;
        n = decoder.decode(buffer.packet(), 0, buffer.packetLength(), decoded);
        if (n < 0) {
          counters.decodeErrors++;
          counters.decoderInvocations++;
          n = decoder.decodeLost(decoded);
          counters.concealedFrames++;
        }
        lossRatio -= lossRatio * LOSS_SMOOTHING;
      }
      case FEC -> {
        counters.decoderInvocations++;
        counters.fecFrames++;
        n = decoder.decodeFec(buffer.packet(), 0, buffer.packetLength(), decoded);
        lossRatio += (1.0 - lossRatio) * LOSS_SMOOTHING;
      }
      case CONCEAL -> {
        counters.decoderInvocations++;
        counters.concealedFrames++;
        n = decoder.decodeLost(decoded);
        lossRatio += (1.0 - lossRatio) * LOSS_SMOOTHING;
      }
      default -> n = 0;
    }
    return n;
  }

  /** 0 at -60 dBFS RMS or below, 1 at full-scale RMS, linear in dB between. */
  static double volumeOf(short[] pcm) {
    long sum = 0;
    for (short s : pcm) {
      sum += s * s;
    }
    if (sum == 0) {
      return 0.0;
    }
    double rms = Math.sqrt((double) sum / pcm.length);
    double dbfs = 20.0 * Math.log10(rms / 32768.0);
    return Math.max(0.0, Math.min(1.0, 1.0 - dbfs / SILENCE_DBFS));
  }

  void close() {
    closed = true;
    buffer.flush();
    hasFrame = false;
    output = null;
  }
}
