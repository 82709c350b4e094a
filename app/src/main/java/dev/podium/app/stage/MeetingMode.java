package dev.podium.app.stage;

/** Which controls the meeting window shows. */
public enum MeetingMode {
  /** On the stage: camera, microphone, chat (attendees of the primary, and promoted viewers). */
  PRESENTER,
  /** In the audience: watch, read chat, raise a hand (replica viewers). */
  SPECTATOR,
  /** The session ended; the window shows why. */
  ENDED
}
