package dev.podium.server.events;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The meeting events a client may report, named as the Amazon Chime SDK names its meeting events
 * (plus Podium's promotion and reconnection events). The SDK's {@code MeetingEventName} uses the
 * same wire names.
 */
public enum ClientEventName {
  MEETING_START_REQUESTED("meetingStartRequested"),
  MEETING_START_SUCCEEDED("meetingStartSucceeded"),
  MEETING_START_FAILED("meetingStartFailed"),
  MEETING_ENDED("meetingEnded"),
  MEETING_FAILED("meetingFailed"),
  MEETING_RECONNECTED("meetingReconnected"),
  ATTENDEE_PRESENCE_RECEIVED("attendeePresenceReceived"),
  AUDIO_INPUT_FAILED("audioInputFailed"),
  VIDEO_INPUT_FAILED("videoInputFailed"),
  SIGNALING_DROPPED("signalingDropped"),
  RECEIVING_AUDIO_DROPPED("receivingAudioDropped"),
  SENDING_AUDIO_FAILED("sendingAudioFailed"),
  RECONNECT_ATTEMPTED("reconnectAttempted"),
  PROMOTED("promoted"),
  DEMOTED("demoted");

  private static final Map<String, ClientEventName> BY_WIRE =
      Arrays.stream(values()).collect(Collectors.toMap(n -> n.wire, Function.identity()));

  private final String wire;

  ClientEventName(String wire) {
    this.wire = wire;
  }

  /** The name on the wire, e.g. {@code meetingStartSucceeded}. */
  public String wireName() {
    return wire;
  }

  /** The event with this wire name, or null. */
  public static ClientEventName fromWire(String name) {
    return BY_WIRE.get(name);
  }
}
