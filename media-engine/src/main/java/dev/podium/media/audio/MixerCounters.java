package dev.podium.media.audio;

/** Mutable counters shared by a mixer and its sources; confined to the mixer's thread. */
final class MixerCounters {
  long ticks;
  long encoderInvocations;
  long decoderInvocations;
  long concealedFrames;
  long fecFrames;
  long latePackets;
  long droppedPackets;
  long decodeErrors;
  long silenceFrames;
  long clampedSamples;
  long sinkErrors;
  long lastTickNanos;
  long maxTickNanos;

  AudioMixerStats snapshot() {
    return new AudioMixerStats(
        ticks,
        encoderInvocations,
        decoderInvocations,
        concealedFrames,
        fecFrames,
        latePackets,
        droppedPackets,
        decodeErrors,
        silenceFrames,
        clampedSamples,
        sinkErrors,
        lastTickNanos,
        maxTickNanos);
  }
}
