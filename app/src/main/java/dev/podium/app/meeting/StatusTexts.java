package dev.podium.app.meeting;

import dev.podium.app.client.MeetingSessionStatus;

/** Plain, actionable sentences for statuses the user sees (no codes, no stack traces). */
public final class StatusTexts {
  private StatusTexts() {}

  /** Why joining failed. */
  public static String joinFailure(MeetingSessionStatus status) {
    if (status.failure() != null) {
      return switch (status.failure()) {
        case SIGNALING_UNREACHABLE ->
            "Could not reach the meeting server. Check the link and your network, then try again.";
        case CERTIFICATE_REJECTED ->
            "The server's certificate does not match the link. Ask the host for a new link.";
        case TIMED_OUT -> "The meeting server did not answer in time. Try again.";
        case NEGOTIATION_FAILED, DEVICE_FAILED ->
            "Could not set up audio and video for this meeting. Try again.";
        default -> "Could not join the meeting. Try again.";
      };
    }
    return switch (status.code()) {
      case AUTHENTICATION_REJECTED -> "This link is no longer valid. Ask the host for a new one.";
      case MEETING_NOT_FOUND, MEETING_ENDED -> "This meeting has ended or does not exist.";
      case MEETING_AT_CAPACITY -> "The meeting is full. Try again later.";
      case ATTENDEE_REMOVED -> "You were removed from this meeting.";
      case UNSUPPORTED_PROTOCOL_VERSION ->
          "This app is too old or too new for the meeting server. Update Podium.";
      case SERVER_SHUTTING_DOWN -> "The meeting server is shutting down.";
      default -> "Could not join the meeting. Try again.";
    };
  }

  /** Why a session that was running ended. */
  public static String ended(MeetingSessionStatus status) {
    if (status.failure() != null) {
      return switch (status.failure()) {
        case RECONNECT_FAILED -> "The connection was lost and could not be restored.";
        case SESSION_STOPPED -> "You left the meeting.";
        default -> "The meeting connection ended.";
      };
    }
    return switch (status.code()) {
      case LEFT, OK -> "You left the meeting.";
      case MEETING_ENDED -> "The host ended the meeting.";
      case ATTENDEE_REMOVED -> "The host removed you from the meeting.";
      case JOINED_FROM_ANOTHER_CONNECTION -> "You joined this meeting from another window.";
      case SERVER_SHUTTING_DOWN -> "The meeting server shut down.";
      default -> "The meeting connection ended.";
    };
  }

  /** Why this attendee is back in the audience. */
  public static String demoted(MeetingSessionStatus status) {
    if (status.code() == null) {
      return "You are back in the audience.";
    }
    return switch (status.code()) {
      case DEMOTED_BY_CLIENT -> "You left the stage and are back in the audience.";
      case DEMOTED_BY_SERVER -> "The host sent you back to the audience.";
      case DEMOTED_ON_DISCONNECT ->
          "Your connection dropped, so you are back in the audience. Raise your hand to return.";
      default -> "You are back in the audience.";
    };
  }

  /** Why a request (mute, chat, host action…) did not go through. */
  public static String requestFailed(String what, MeetingSessionStatus status) {
    if (status.failure() != null) {
      return switch (status.failure()) {
        case NOT_SUPPORTED_BY_SERVER -> what + " is not available on this server yet.";
        case NOT_CONNECTED -> what + " failed: reconnecting, try again in a moment.";
        case TIMED_OUT -> what + " failed: the server did not answer.";
        case DEVICE_FAILED -> what + " failed: the device could not be used.";
        default -> what + " failed.";
      };
    }
    return switch (status.code()) {
      case DATA_MESSAGE_TOO_LARGE -> what + " failed: the message is longer than 2 KB.";
      case THROTTLED -> what + " failed: too many messages, wait a moment.";
      case NOT_PERMITTED -> what + " failed: only people on the stage can do that.";
      case VIDEO_SEND_UNAVAILABLE -> what + " failed: the stage is full (25 videos).";
      case NOT_A_HOST -> what + " failed: only hosts can do that.";
      case ATTENDEE_NOT_FOUND -> what + " failed: that person is no longer here.";
      case PRIMARY_AT_CAPACITY -> what + " failed: the stage is full.";
      default -> what + " failed.";
    };
  }
}
