package dev.podium.app.client;

import java.util.Map;

/**
 * One meeting event (Chime's {@code eventDidReceive(name, attributes)}): what happened, when, and
 * attributes such as {@code meetingId} (the replica's id for a replica attendee), {@code
 * attendeeId}, {@code sdkVersion}, {@code osName}, durations in milliseconds and statuses.
 *
 * @param name which event
 * @param timestampMs when, milliseconds since the epoch
 * @param attributes strings, numbers and booleans, keyed by Chime's attribute names
 */
public record MeetingEvent(
    MeetingEventName name, long timestampMs, Map<String, Object> attributes) {

  public MeetingEvent {
    attributes = Map.copyOf(attributes);
  }

  /** One attribute, or null. */
  public Object attribute(String key) {
    return attributes.get(key);
  }
}
