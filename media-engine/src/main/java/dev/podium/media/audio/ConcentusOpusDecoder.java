package dev.podium.media.audio;

import io.github.jaredmdobson.concentus.OpusException;

/**
 * {@link OpusDecoder} over a Concentus decoder. Corrupt input from a remote peer is answered with
 * an error code, never an exception: Concentus signals bad packets by throwing, including plain
 * runtime exceptions on some malformed inputs, so those are caught here too.
 */
final class ConcentusOpusDecoder implements OpusDecoder {

  /** Error code returned when Concentus rejects a packet. */
  static final int ERROR = -1;

  private final io.github.jaredmdobson.concentus.OpusDecoder decoder;
  private final int channels;

  ConcentusOpusDecoder(io.github.jaredmdobson.concentus.OpusDecoder decoder, int channels) {
    this.decoder = decoder;
    this.channels = channels;
  }

  @Override
  public int decode(byte[] data, int off, int len, short[] pcm) {
    try {
      return decoder.decode(
          data,
          off,
          len,
          pcm,
          0,
          Math.min(OpusCodecs.MAX_FRAME_SAMPLES, pcm.length / channels),
          false);
    } catch (OpusException | RuntimeException e) {
      return ERROR;
    }
  }

  @Override
  public int decodeLost(short[] pcm) {
    try {
      return decoder.decode(null, 0, 0, pcm, 0, OpusCodecs.FRAME_SAMPLES, false);
    } catch (OpusException | RuntimeException e) {
      return ERROR;
    }
  }

  @Override
  public int decodeFec(byte[] data, int off, int len, short[] pcm) {
    try {
      return decoder.decode(data, off, len, pcm, 0, OpusCodecs.FRAME_SAMPLES, true);
    } catch (OpusException | RuntimeException e) {
      return ERROR;
    }
  }

  @Override
  public int channels() {
    return channels;
  }
}
