package dev.podium.app.client;

/**
 * The meeting events the SDK reports (Chime's meeting event names, plus Podium's promotion and
 * reconnection events); the server's ingestion endpoint knows the same wire names.
 */
public enum MeetingEventName {
  /** {@link MeetingSession#start()} was called. */
  MEETING_START_REQUESTED("meetingStartRequested"),
  /** Joined and media connected: {@code meetingStartDurationMs} is the time to join. */
  MEETING_START_SUCCEEDED("meetingStartSucceeded"),
  /** The start failed: {@code meetingStatus}, {@code meetingErrorMessage}. */
  MEETING_START_FAILED("meetingStartFailed"),
  /** The session ended normally (left, meeting ended, removed): {@code meetingDurationMs}. */
  MEETING_ENDED("meetingEnded"),
  /** The session ended on a failure after it had started (e.g. could not reconnect). */
  MEETING_FAILED("meetingFailed"),
  /**
   * A dropped signaling connection was resumed: {@code reconnectDurationMs}, {@code retryCount}.
   */
  MEETING_RECONNECTED("meetingReconnected"),
  /** The server confirmed this attendee's presence (joined): {@code attendeePresenceDurationMs}. */
  ATTENDEE_PRESENCE_RECEIVED("attendeePresenceReceived"),
  /** The audio module (microphone) could not be opened. */
  AUDIO_INPUT_FAILED("audioInputFailed"),
  /** The camera or video source could not be used. */
  VIDEO_INPUT_FAILED("videoInputFailed"),
  /** The signaling WebSocket dropped: {@code signalingDroppedErrorCount}. */
  SIGNALING_DROPPED("signalingDropped"),
  /** The media connection became poor (ICE disconnected): received audio stops. */
  RECEIVING_AUDIO_DROPPED("receivingAudioDropped"),
  /** The media connection failed: nothing is sent until it is rebuilt. */
  SENDING_AUDIO_FAILED("sendingAudioFailed"),
  /** One reconnection attempt: {@code retryCount}. */
  RECONNECT_ATTEMPTED("reconnectAttempted"),
  /** This replica viewer was promoted: {@code promotedAttendeeId}. */
  PROMOTED("promoted"),
  /** This promoted viewer was demoted: {@code meetingStatus} says why. */
  DEMOTED("demoted");

  private final String wire;

  MeetingEventName(String wire) {
    this.wire = wire;
  }

  /** The name on the wire and in Chime's vocabulary, e.g. {@code meetingStartSucceeded}. */
  public String wireName() {
    return wire;
  }
}
