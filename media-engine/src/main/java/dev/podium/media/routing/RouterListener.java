package dev.podium.media.routing;

/** Told when sources appear in or leave a {@link Router}; called on the media event loop. */
public interface RouterListener {
  void onProducerAdded(Producer producer);

  void onProducerRemoved(Producer producer);
}
