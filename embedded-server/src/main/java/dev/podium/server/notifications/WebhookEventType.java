package dev.podium.server.notifications;

/** The webhook events, with their {@code eventType} names. */
public enum WebhookEventType {
  MEETING_STARTED("meeting.started"),
  MEETING_ENDED("meeting.ended"),
  REPLICA_CREATED("replica.created"),
  REPLICA_DELETED("replica.deleted"),
  ATTENDEE_JOINED("attendee.joined"),
  ATTENDEE_LEFT("attendee.left"),
  ATTENDEE_DROPPED("attendee.dropped"),
  ATTENDEE_PROMOTED("attendee.promoted"),
  ATTENDEE_DEMOTED("attendee.demoted"),
  TRANSCRIPTION_STARTED("transcription.started"),
  TRANSCRIPTION_STOPPED("transcription.stopped");

  private final String wire;

  WebhookEventType(String wire) {
    this.wire = wire;
  }

  /** The name in the body's {@code eventType} and the {@code X-Podium-Event-Type} header. */
  public String wireName() {
    return wire;
  }
}
