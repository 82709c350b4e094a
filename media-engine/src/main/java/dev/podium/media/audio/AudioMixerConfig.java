package dev.podium.media.audio;

/**
 * Options of one meeting's {@link AudioMixer}.
 *
 * @param bitrate output Opus bitrate in bits per second: 6,000..64,000 mono, ..128,000 stereo
 * @param channels output channels, 1 or 2 (mixing is mono; stereo duplicates it)
 * @param maxSpeakers how many of the loudest sources are mixed, 1..16
 * @param complexity Opus encoder complexity 0..10 (5 by default: see the codec decision record)
 * @param jitterTargetMillis initial and minimum jitter-buffer depth, a multiple of 20, 20..200
 * @param jitterMaxMillis deepest the jitter buffer may grow, jitterTargetMillis..300
 * @param concealMillis how long a source that stops sending is concealed before it counts as
 *     inactive (DTX or gone), 20..200
 */
public record AudioMixerConfig(
    int bitrate,
    int channels,
    int maxSpeakers,
    int complexity,
    int jitterTargetMillis,
    int jitterMaxMillis,
    int concealMillis) {

  /** Default output bitrate: 32 kbps. */
  public static final int DEFAULT_BITRATE = 32_000;

  /** Default number of mixed speakers. */
  public static final int DEFAULT_MAX_SPEAKERS = 3;

  /** Validates the ranges. */
  public AudioMixerConfig {
    if (channels != 1 && channels != 2) {
      throw new IllegalArgumentException("channels must be 1 or 2: " + channels);
    }
    int maxBitrate = channels == 1 ? 64_000 : 128_000;
    if (bitrate < 6_000 || bitrate > maxBitrate) {
      throw new IllegalArgumentException("bitrate must be 6000.." + maxBitrate + ": " + bitrate);
    }
    if (maxSpeakers < 1 || maxSpeakers > 16) {
      throw new IllegalArgumentException("maxSpeakers must be 1..16: " + maxSpeakers);
    }
    if (complexity < 0 || complexity > 10) {
      throw new IllegalArgumentException("complexity must be 0..10: " + complexity);
    }
    if (jitterTargetMillis < 20 || jitterTargetMillis > 200 || jitterTargetMillis % 20 != 0) {
      throw new IllegalArgumentException("jitterTargetMillis must be 20..200 step 20");
    }
    if (jitterMaxMillis < jitterTargetMillis || jitterMaxMillis > 300) {
      throw new IllegalArgumentException("jitterMaxMillis must be jitterTargetMillis..300");
    }
    if (concealMillis < 20 || concealMillis > 200) {
      throw new IllegalArgumentException("concealMillis must be 20..200: " + concealMillis);
    }
  }

  /** 32 kbps mono, 3 speakers, complexity 5, 40 ms jitter target, 200 ms max, 60 ms PLC. */
  public static AudioMixerConfig defaults() {
    return new AudioMixerConfig(DEFAULT_BITRATE, 1, DEFAULT_MAX_SPEAKERS, 5, 40, 200, 60);
  }

  /** A copy with another number of mixed speakers. */
  public AudioMixerConfig withMaxSpeakers(int n) {
    return new AudioMixerConfig(
        bitrate, channels, n, complexity, jitterTargetMillis, jitterMaxMillis, concealMillis);
  }

  /** A copy with another bitrate and channel count. */
  public AudioMixerConfig withOutput(int bitrate, int channels) {
    return new AudioMixerConfig(
        bitrate,
        channels,
        maxSpeakers,
        complexity,
        jitterTargetMillis,
        jitterMaxMillis,
        concealMillis);
  }
}
