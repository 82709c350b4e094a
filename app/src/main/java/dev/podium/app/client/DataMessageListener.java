package dev.podium.app.client;

/** Receives the data messages of one subscribed topic (on the session's event thread). */
@FunctionalInterface
public interface DataMessageListener {
  /** A message arrived on the subscribed topic. */
  void onDataMessage(DataMessage message);
}
