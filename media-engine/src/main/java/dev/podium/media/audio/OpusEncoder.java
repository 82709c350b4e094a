package dev.podium.media.audio;

/**
 * A stateful Opus encoder at 48 kHz (RFC 6716), one per output stream; not thread-safe.
 *
 * <p>Implementations never throw on the data path: a negative return is an error code.
 */
public interface OpusEncoder {

  /**
   * Encodes one frame of interleaved 16-bit PCM.
   *
   * @param pcm interleaved samples, at least {@code frameSamples * channels()} long
   * @param frameSamples samples per channel: 120, 240, 480, 960, 1920 or 2880 at 48 kHz
   * @param out receives the Opus packet
   * @return the packet length in bytes, or a negative error code
   */
  int encode(short[] pcm, int frameSamples, byte[] out);

  /** Channels this encoder was created for: 1 or 2. */
  int channels();

  /** Target bitrate in bits per second. */
  int bitrate();

  /** Forgets the signal history, so the next packet does not depend on earlier ones. */
  void reset();
}
