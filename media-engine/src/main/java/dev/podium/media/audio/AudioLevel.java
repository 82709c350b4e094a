package dev.podium.media.audio;

/**
 * One source's audio state for the signaling layer.
 *
 * @param sourceId the id given to {@link AudioMixer#addSource}
 * @param volume smoothed level 0..1 from decoded energy (0 = -60 dBFS or quieter, 1 = full scale)
 * @param muted muted at the mixer
 * @param active currently sending audio (not silent through DTX, not gone)
 * @param signal reception quality 0..1 from recent loss and jitter (1 = clean)
 */
public record AudioLevel(
    String sourceId, double volume, boolean muted, boolean active, double signal) {}
