package dev.podium.media.audio;

import io.github.jaredmdobson.concentus.OpusException;

/** {@link OpusEncoder} over a Concentus encoder. */
final class ConcentusOpusEncoder implements OpusEncoder {

  /** Error code returned when Concentus rejects a frame (it throws; we do not). */
  static final int ERROR = -1;

  private final io.github.jaredmdobson.concentus.OpusEncoder encoder;
  private final int channels;
  private final int bitrate;

  ConcentusOpusEncoder(
      io.github.jaredmdobson.concentus.OpusEncoder encoder, int channels, int bitrate) {
    this.encoder = encoder;
    this.channels = channels;
    this.bitrate = bitrate;
  }

  @Override
  public int encode(short[] pcm, int frameSamples, byte[] out) {
    try {
      return encoder.encode(pcm, 0, frameSamples, out, 0, out.length);
    } catch (OpusException | RuntimeException e) {
      return ERROR;
    }
  }

  @Override
  public int channels() {
    return channels;
  }

  @Override
  public int bitrate() {
    return bitrate;
  }

  @Override
  public void reset() {
    encoder.resetState();
  }
}
