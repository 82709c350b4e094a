package dev.podium.media.sdp;

import java.util.List;

/** An {@code a=group} attribute, e.g. BUNDLE (RFC 5888 section 5, RFC 8843 section 7). */
public record Group(String semantics, List<String> mids) {
  /** Creates a group; the mid list is copied. */
  public Group {
    mids = List.copyOf(mids);
  }
}
