package dev.podium.server.signaling;

import dev.podium.media.sdp.MediaDescription;
import dev.podium.media.sdp.MediaKind;
import dev.podium.media.sdp.SessionDescription;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a client's offer sends, by m-line: camera video, content video and content audio (the
 * m-lines the offer's {@code contentMids} names), so the room can apply its video sender and
 * content share caps before the media engine answers. Microphone m-lines need no slot.
 *
 * @param camera sending video m-lines that are not content
 * @param contentVideo sending video m-lines named content
 * @param contentAudio sending audio m-lines named content
 */
record OfferedMedia(Set<String> camera, Set<String> contentVideo, Set<String> contentAudio) {
  static final OfferedMedia NONE = new OfferedMedia(Set.of(), Set.of(), Set.of());

  OfferedMedia {
    camera = Set.copyOf(camera);
    contentVideo = Set.copyOf(contentVideo);
    contentAudio = Set.copyOf(contentAudio);
  }

  /** Classifies an offer's sending m-lines; an offer that does not parse sends nothing here. */
  static OfferedMedia of(String sdp, List<String> contentMids) {
    Set<String> content = contentMids == null ? Set.of() : Set.copyOf(contentMids);
    Set<String> camera = new HashSet<>();
    Set<String> contentVideo = new HashSet<>();
    Set<String> contentAudio = new HashSet<>();
    List<MediaDescription> media;
    try {
      media = SessionDescription.parse(sdp).media();
    } catch (RuntimeException e) {
      return NONE; // the negotiation reports the parse error
    }
    for (MediaDescription m : media) {
      if (m.port() == 0 || !m.direction().sends() || m.mid() == null) {
        continue;
      }
      boolean isContent = content.contains(m.mid());
      if (m.kind() == MediaKind.VIDEO) {
        (isContent ? contentVideo : camera).add(m.mid());
      } else if (m.kind() == MediaKind.AUDIO && isContent) {
        contentAudio.add(m.mid());
      }
    }
    return new OfferedMedia(camera, contentVideo, contentAudio);
  }

  boolean sendsVideo() {
    return !camera.isEmpty() || !contentVideo.isEmpty();
  }

  boolean isContent(String mid) {
    return contentVideo.contains(mid) || contentAudio.contains(mid);
  }
}
