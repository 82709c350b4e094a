package dev.podium.media.audio;

/**
 * Counters of one {@link AudioMixer} since it was created.
 *
 * @param ticks ticks run
 * @param encoderInvocations Opus encode calls (shared and mix-minus)
 * @param decoderInvocations Opus decode calls (packets, concealment and FEC)
 * @param concealedFrames frames produced by packet-loss concealment
 * @param fecFrames lost frames recovered from the next packet's forward error correction
 * @param latePackets packets that arrived after their playout time
 * @param droppedPackets packets dropped otherwise: duplicates, invalid, overflow, trimming
 * @param decodeErrors packets the decoder rejected
 * @param silenceFrames outputs sent as the constant Opus silence frame instead of encoding
 * @param clampedSamples output samples where the limiter had to drop its gain at once (a peak it
 *     could not glide under); 0 in steady state
 * @param sinkErrors exceptions thrown by sinks (caught and counted)
 * @param lastTickNanos duration of the last tick
 * @param maxTickNanos longest tick
 */
public record AudioMixerStats(
    long ticks,
    long encoderInvocations,
    long decoderInvocations,
    long concealedFrames,
    long fecFrames,
    long latePackets,
    long droppedPackets,
    long decodeErrors,
    long silenceFrames,
    long clampedSamples,
    long sinkErrors,
    long lastTickNanos,
    long maxTickNanos) {}
