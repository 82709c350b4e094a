package dev.podium.media.audio;

/**
 * Creates Opus encoders and decoders; the seam where another Opus implementation could be swapped
 * in. See docs/decisions/001-opus-codec.md for why the default is pure Java.
 */
public interface OpusCodecs {

  /** The only sample rate the mixer uses. */
  int SAMPLE_RATE = 48_000;

  /** Samples per channel in one 20 ms frame at 48 kHz. */
  int FRAME_SAMPLES = 960;

  /** Largest Opus packet duration (120 ms) in samples per channel at 48 kHz. */
  int MAX_FRAME_SAMPLES = 5_760;

  /**
   * Largest Opus packet a single encode produces (RFC 6716 section 3.2.1: 1275 bytes per frame).
   */
  int MAX_PACKET_BYTES = 1_275;

  /**
   * A new encoder tuned for voice (VoIP application).
   *
   * @param channels 1 or 2
   * @param bitrate bits per second, 6,000..510,000
   * @param complexity 0 (cheapest) to 10 (best)
   * @throws IllegalArgumentException for values out of range
   */
  OpusEncoder newEncoder(int channels, int bitrate, int complexity);

  /**
   * A new decoder at 48 kHz.
   *
   * @param channels output channels, 1 or 2 (stereo packets are down-mixed for 1)
   */
  OpusDecoder newDecoder(int channels);

  /** The pure-Java codec (Concentus), the default. */
  static OpusCodecs concentus() {
    return ConcentusCodecs.INSTANCE;
  }
}
