package dev.podium.media.audio;

/** What an {@link AudioMixerSource} did with one received RTP payload; the caller counts drops. */
public enum AudioPacketResult {
  /** Buffered for playout. */
  ACCEPTED,
  /** Arrived after its playout time had passed; dropped. */
  LATE,
  /** Same sequence number already buffered; dropped. */
  DUPLICATE,
  /** Empty or larger than an Opus packet can be; dropped. */
  INVALID,
  /** The source is muted; dropped without decoding. */
  MUTED,
  /** The source was removed from its mixer; dropped. */
  CLOSED
}
