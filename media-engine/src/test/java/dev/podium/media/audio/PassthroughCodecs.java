package dev.podium.media.audio;

import java.util.ArrayList;
import java.util.List;

/**
 * A lossless stand-in for Opus, so tests can check the mixer's arithmetic bit for bit: "encoding"
 * stores the frame in a shared table and emits its 4-byte index; "decoding" looks it up. The Opus
 * silence frame decodes to zeros. Not a mock of behaviour: a real (trivial) codec.
 */
final class PassthroughCodecs implements OpusCodecs {

  private final List<short[]> frames = new ArrayList<>();

  @Override
  public OpusEncoder newEncoder(int channels, int bitrate, int complexity) {
    return new OpusEncoder() {
      @Override
      public int encode(short[] pcm, int frameSamples, byte[] out) {
        frames.add(java.util.Arrays.copyOf(pcm, frameSamples * channels));
        int index = frames.size() - 1;
        out[0] = 0;
        out[1] = (byte) (index >>> 16);
        out[2] = (byte) (index >>> 8);
        out[3] = (byte) index;
        return 4;
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
      public void reset() {}
    };
  }

  @Override
  public OpusDecoder newDecoder(int channels) {
    return new OpusDecoder() {
      @Override
      public int decode(byte[] data, int off, int len, short[] pcm) {
        if (len == 3) { // the Opus silence frame
          java.util.Arrays.fill(pcm, 0, FRAME_SAMPLES * channels, (short) 0);
          return FRAME_SAMPLES;
        }
        if (len != 4) {
          return -1;
        }
        int index =
            ((data[off + 1] & 0xFF) << 16) | ((data[off + 2] & 0xFF) << 8) | (data[off + 3] & 0xFF);
        short[] f = frames.get(index);
        System.arraycopy(f, 0, pcm, 0, Math.min(f.length, pcm.length));
        return f.length / channels;
      }

      @Override
      public int decodeLost(short[] pcm) {
        java.util.Arrays.fill(pcm, 0, FRAME_SAMPLES * channels, (short) 0);
        return FRAME_SAMPLES;
      }

      @Override
      public int decodeFec(byte[] data, int off, int len, short[] pcm) {
        return decodeLost(pcm);
      }

      @Override
      public int channels() {
        return channels;
      }
    };
  }
}
