package dev.podium.app.client;

/**
 * A data message received from another attendee.
 *
 * @param topic the topic it was sent on
 * @param data the payload (at most 2 KB); the array is the receiver's own copy
 * @param senderAttendeeId the sender's AttendeeId
 * @param senderExternalUserId the sender's ExternalUserId
 * @param timestampMs server time of sending, epoch milliseconds
 */
public record DataMessage(
    String topic,
    byte[] data,
    String senderAttendeeId,
    String senderExternalUserId,
    long timestampMs) {

  /** The payload decoded as UTF-8 text. */
  public String text() {
    return new String(data, java.nio.charset.StandardCharsets.UTF_8);
  }
}
