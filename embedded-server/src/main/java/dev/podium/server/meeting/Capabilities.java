package dev.podium.server.meeting;

import java.util.Objects;
import java.util.Optional;

/** An attendee's audio, video and content-share capabilities (Chime's AttendeeCapabilities). */
public record Capabilities(MediaCapability audio, MediaCapability video, MediaCapability content) {

  /** Chime's default: everything send and receive. */
  public static final Capabilities ALL =
      new Capabilities(
          MediaCapability.SEND_RECEIVE, MediaCapability.SEND_RECEIVE, MediaCapability.SEND_RECEIVE);

  public Capabilities {
    Objects.requireNonNull(audio, "audio");
    Objects.requireNonNull(video, "video");
    Objects.requireNonNull(content, "content");
  }

  /**
   * Chime's consistency rule: receiving content share needs video receive, because content is
   * delivered as a video source. Returns the violation, if any.
   */
  public Optional<String> violation() {
    if (content.canReceive() && !video.canReceive()) {
      return Optional.of(
          "Capabilities.Content "
              + content.wireName()
              + " needs Capabilities.Video SendReceive or Receive (got "
              + video.wireName()
              + ")");
    }
    return Optional.empty();
  }
}
