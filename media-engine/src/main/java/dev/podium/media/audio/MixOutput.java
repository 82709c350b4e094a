package dev.podium.media.audio;

/**
 * One encoded mix: the shared full mix or one speaker's mix-minus. Holds a continuous Opus encoder
 * and a limiter, and this tick's packet.
 */
final class MixOutput {

  /**
   * An Opus packet that decodes to 20 ms of silence: TOC config 31 (CELT-only, fullband, 20 ms),
   * code 0 (one frame), followed by a CELT frame whose silence flag is set (RFC 6716 sections 3.1
   * and 4.3). Byte 0 is 0xF8 for mono and 0xFC for stereo. Sending it costs no encoder.
   */
  private static final byte[] SILENCE_TAIL = {(byte) 0xFF, (byte) 0xFE};

  private final OpusCodecs codecs;
  private final AudioMixerConfig config;
  private final SoftLimiter limiter = new SoftLimiter();
  private final short[] mono = new short[OpusCodecs.FRAME_SAMPLES];
  private final short[] interleaved;
  private OpusEncoder encoder;
  private boolean encoderFresh = true;

  // Larger than any Opus packet so that a non-Opus codec behind OpusCodecs also fits.
  final byte[] packet = new byte[4_096];
  int length;
  boolean silent;

  MixOutput(OpusCodecs codecs, AudioMixerConfig config) {
    this.codecs = codecs;
    this.config = config;
    this.interleaved = config.channels() == 2 ? new short[2 * OpusCodecs.FRAME_SAMPLES] : null;
  }

  /** Limits and encodes {@code mix}; returns false when the encoder failed. */
  boolean encode(int[] mix, MixerCounters counters) {
    if (encoder == null) {
      encoder = codecs.newEncoder(config.channels(), config.bitrate(), config.complexity());
    }
    counters.clampedSamples += limiter.process(mix, mono, OpusCodecs.FRAME_SAMPLES);
    short[] pcm = mono;
    if (interleaved != null) {
      for (int i = 0; i < OpusCodecs.FRAME_SAMPLES; i++) {
        interleaved[2 * i] = mono[i];
        interleaved[2 * i + 1] = mono[i];
      }
      pcm = interleaved;
    }
    counters.encoderInvocations++;
    int n = encoder.encode(pcm, OpusCodecs.FRAME_SAMPLES, packet);
    encoderFresh = false;
    silent = false;
    if (n <= 0) {
      writeSilence(counters);
      return false;
    }
    length = n;
    return true;
  }

  /** Makes this tick's packet the constant silence frame. */
  void writeSilence(MixerCounters counters) {
    packet[0] = (byte) (config.channels() == 2 ? 0xFC : 0xF8);
    System.arraycopy(SILENCE_TAIL, 0, packet, 1, SILENCE_TAIL.length);
    length = 1 + SILENCE_TAIL.length;
    silent = true;
    counters.silenceFrames++;
  }

  /**
   * Restarts the encoder's history and the limiter, for a speaker (re)entering the mix or the
   * shared mix resuming after silence: the next packet then depends on no stale state.
   */
  void restart() {
    if (encoder != null && !encoderFresh) {
      encoder.reset();
      encoderFresh = true;
    }
    limiter.reset();
  }

  double limiterGain() {
    return limiter.gain();
  }
}
