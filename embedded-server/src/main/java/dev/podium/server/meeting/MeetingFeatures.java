package dev.podium.server.meeting;

import java.util.Objects;

/**
 * A meeting's features (Chime's MeetingFeatures plus Podium's Opus bitrate and stereo).
 *
 * @param echoReduction Chime's Audio.EchoReduction ("AVAILABLE" when true), stored and echoed
 * @param audioBitrateKbps Podium: Opus bitrate of the meeting's audio, 6 to 64 mono, 128 stereo
 * @param audioStereo Podium: whether the meeting's audio is stereo
 * @param videoMaxResolution Chime's Video.MaxResolution (None, HD, FHD)
 * @param contentMaxResolution Chime's Content.MaxResolution (None, FHD, UHD)
 * @param attendeeMaxCount Chime's Attendee.MaxCount: connected attendees allowed at once
 */
public record MeetingFeatures(
    boolean echoReduction,
    int audioBitrateKbps,
    boolean audioStereo,
    VideoResolution videoMaxResolution,
    VideoResolution contentMaxResolution,
    int attendeeMaxCount) {

  /** Opus bitrate used when none is asked for. */
  public static final int DEFAULT_AUDIO_BITRATE_KBPS = 32;

  /** Lowest Opus bitrate accepted. */
  public static final int MIN_AUDIO_BITRATE_KBPS = 6;

  /** Highest mono Opus bitrate accepted. */
  public static final int MAX_MONO_BITRATE_KBPS = 64;

  /** Highest stereo Opus bitrate accepted. */
  public static final int MAX_STEREO_BITRATE_KBPS = 128;

  public MeetingFeatures {
    Objects.requireNonNull(videoMaxResolution, "videoMaxResolution");
    Objects.requireNonNull(contentMaxResolution, "contentMaxResolution");
  }

  /** The features of a meeting created without MeetingFeatures, on a server with this cap. */
  public static MeetingFeatures defaults(int attendeeMaxCount) {
    return new MeetingFeatures(
        false,
        DEFAULT_AUDIO_BITRATE_KBPS,
        false,
        VideoResolution.HD,
        VideoResolution.FHD,
        attendeeMaxCount);
  }

  /** The same features with another Attendee.MaxCount. */
  public MeetingFeatures withAttendeeMaxCount(int maxCount) {
    return new MeetingFeatures(
        echoReduction,
        audioBitrateKbps,
        audioStereo,
        videoMaxResolution,
        contentMaxResolution,
        maxCount);
  }
}
