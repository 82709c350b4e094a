package dev.podium.media.sdp;

import java.util.List;
import java.util.Optional;

/**
 * A parsed SDP (RFC 8866) as exchanged by WebRTC (JSEP RFC 8829): session-level fields and the
 * media sections in order. Session-level ICE credentials, fingerprints and setup apply to every
 * section that has none of its own. {@link #toString()} serialises with CRLF line ends; parsing
 * that text again gives an equal value.
 */
public record SessionDescription(
    Origin origin,
    String sessionName,
    String timing,
    String connection,
    boolean iceLite,
    String iceUfrag,
    String icePwd,
    List<String> iceOptions,
    List<Fingerprint> fingerprints,
    Setup setup,
    List<Group> groups,
    boolean extmapAllowMixed,
    String msidSemantic,
    List<String> otherLines,
    List<MediaDescription> media) {

  /** Creates a session description; lists are copied. */
  public SessionDescription {
    iceOptions = List.copyOf(iceOptions);
    fingerprints = List.copyOf(fingerprints);
    groups = List.copyOf(groups);
    otherLines = List.copyOf(otherLines);
    media = List.copyOf(media);
  }

  /**
   * Parses an SDP text (CRLF or LF line ends).
   *
   * @throws SdpParseException naming the offending line when the text is not valid SDP
   */
  public static SessionDescription parse(String text) {
    return new SdpParser(text).parse();
  }

  /** The BUNDLE group (RFC 8843), if any. */
  public Optional<Group> bundleGroup() {
    return groups.stream().filter(g -> g.semantics().equals("BUNDLE")).findFirst();
  }

  /** The media section with this mid. */
  public Optional<MediaDescription> mediaByMid(String mid) {
    return media.stream().filter(m -> mid.equals(m.mid())).findFirst();
  }

  /** The first session-level fingerprint, or null. */
  public Fingerprint fingerprint() {
    return fingerprints.isEmpty() ? null : fingerprints.get(0);
  }

  /** Serialises the description with CRLF line ends. */
  @Override
  public String toString() {
    return SdpWriter.write(this);
  }
}
