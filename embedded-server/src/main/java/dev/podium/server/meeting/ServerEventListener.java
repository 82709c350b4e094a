package dev.podium.server.meeting;

/**
 * Told of meeting life-cycle events as they happen, for notifications to the host's application
 * (webhooks). Called on the thread that made the change, sometimes under a meeting's lock: an
 * implementation must only record or enqueue, never block or call back into the server. Every
 * method has an empty default; an exception thrown is logged and ignored (see {@link
 * ServerEvents}).
 */
public interface ServerEventListener {

  /** A meeting was created: a primary ("meeting started") or a replica of one. */
  default void onMeetingStarted(Meeting meeting) {}

  /** A meeting was deleted (by the API, the idle timer, or with its primary). */
  default void onMeetingEnded(Meeting meeting, MeetingDeletionReason reason) {}

  /** An attendee joined {@code meeting} (a new join, not a resume or a replaced connection). */
  default void onAttendeeJoined(Meeting meeting, Attendee attendee) {}

  /**
   * An attendee left {@code meeting}: by leaving or being removed, or {@code dropped} when its
   * connection ended and it did not resume within the window.
   */
  default void onAttendeeLeft(Meeting meeting, Attendee attendee, boolean dropped) {}

  /** A replica viewer was promoted onto its primary's stage as {@code primaryAttendee}. */
  default void onAttendeePromoted(Meeting replica, Attendee viewer, Attendee primaryAttendee) {}

  /** A promoted viewer went back to the audience; {@code reason} is the signaling status code. */
  default void onAttendeeDemoted(
      Meeting replica, Attendee viewer, Attendee primaryAttendee, String reason) {}

  /** Live transcription of a primary meeting started or stopped. */
  default void onTranscriptionChanged(Meeting meeting, boolean started, String languageCode) {}
}
