package dev.podium.media.audio;

import io.github.jaredmdobson.concentus.OpusApplication;
import io.github.jaredmdobson.concentus.OpusException;
import io.github.jaredmdobson.concentus.OpusSignal;

/** {@link OpusCodecs} backed by Concentus, a pure-Java port of libopus. */
final class ConcentusCodecs implements OpusCodecs {

  static final ConcentusCodecs INSTANCE = new ConcentusCodecs();

  private ConcentusCodecs() {}

  @Override
  public OpusEncoder newEncoder(int channels, int bitrate, int complexity) {
    checkChannels(channels);
    if (bitrate < 6_000 || bitrate > 510_000) {
      throw new IllegalArgumentException("bitrate must be 6000..510000: " + bitrate);
    }
    if (complexity < 0 || complexity > 10) {
      throw new IllegalArgumentException("complexity must be 0..10: " + complexity);
    }
    try {
      io.github.jaredmdobson.concentus.OpusEncoder encoder =
          new io.github.jaredmdobson.concentus.OpusEncoder(
              SAMPLE_RATE, channels, OpusApplication.OPUS_APPLICATION_VOIP);
      encoder.setBitrate(bitrate);
      encoder.setComplexity(complexity);
      encoder.setSignalType(OpusSignal.OPUS_SIGNAL_VOICE);
      return new ConcentusOpusEncoder(encoder, channels, bitrate);
    } catch (OpusException e) {
      throw new IllegalStateException("Concentus refused an encoder", e);
    }
  }

  @Override
  public OpusDecoder newDecoder(int channels) {
    checkChannels(channels);
    try {
      return new ConcentusOpusDecoder(
          new io.github.jaredmdobson.concentus.OpusDecoder(SAMPLE_RATE, channels), channels);
    } catch (OpusException e) {
      throw new IllegalStateException("Concentus refused a decoder", e);
    }
  }

  private static void checkChannels(int channels) {
    if (channels != 1 && channels != 2) {
      throw new IllegalArgumentException("channels must be 1 or 2: " + channels);
    }
  }
}
