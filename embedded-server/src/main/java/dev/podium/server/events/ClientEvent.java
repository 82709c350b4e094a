package dev.podium.server.events;

import java.util.Map;

/**
 * One client meeting event as accepted by the ingestion endpoint.
 *
 * @param name which event
 * @param timestampMs when the client saw it, milliseconds since the epoch
 * @param attributes its attributes: strings, numbers and booleans only
 */
public record ClientEvent(ClientEventName name, long timestampMs, Map<String, Object> attributes) {

  public ClientEvent {
    attributes = Map.copyOf(attributes);
  }

  /** A numeric attribute, or NaN when absent or not a number. */
  public double number(String key) {
    return attributes.get(key) instanceof Number n ? n.doubleValue() : Double.NaN;
  }

  /** A string attribute, or null. */
  public String text(String key) {
    return attributes.get(key) instanceof String s ? s : null;
  }
}
