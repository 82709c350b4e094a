package dev.podium.media.routing;

/** Told what a {@link Consumer} forwards; called on the media event loop, must not block. */
public interface ConsumerListener {
  /** A listener that ignores everything. */
  ConsumerListener NONE = new ConsumerListener() {};

  /** The consumer now forwards simulcast layer {@code layer} (0 = lowest). */
  default void onConsumerLayerChanged(Consumer consumer, int layer) {}

  /**
   * The subscriber's bandwidth allocator paused ({@code paused} true) or resumed the consumer; the
   * client should be told so it can show the tile as paused rather than frozen.
   */
  default void onConsumerPausedByBandwidth(Consumer consumer, boolean paused) {}
}
