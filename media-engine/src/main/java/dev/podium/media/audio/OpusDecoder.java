package dev.podium.media.audio;

/**
 * A stateful Opus decoder at 48 kHz (RFC 6716), one per received stream; not thread-safe.
 *
 * <p>Implementations never throw on the data path: a negative return is an error code (for example
 * a corrupt packet).
 */
public interface OpusDecoder {

  /**
   * Decodes one packet into interleaved 16-bit PCM.
   *
   * @param pcm receives the samples; must hold {@link OpusCodecs#MAX_FRAME_SAMPLES} per channel
   * @return samples per channel, or a negative error code
   */
  int decode(byte[] data, int off, int len, short[] pcm);

  /**
   * Conceals one lost 20 ms frame (packet-loss concealment, RFC 6716 section 4.4).
   *
   * @return samples per channel (960), or a negative error code
   */
  int decodeLost(short[] pcm);

  /**
   * Recovers the lost 20 ms frame that precedes {@code data} from the in-band forward error
   * correction data of {@code data} (RFC 6716 section 2.1.7); falls back to concealment when the
   * packet carries none.
   *
   * @return samples per channel (960), or a negative error code
   */
  int decodeFec(byte[] data, int off, int len, short[] pcm);

  /** Channels this decoder outputs: 1 or 2. */
  int channels();
}
