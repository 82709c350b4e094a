package dev.podium.media.sdp;

import java.util.List;

/** An {@code a=ssrc-group} line (RFC 5576 section 4.2), e.g. FID (RFC 4588) or SIM. */
public record SsrcGroup(String semantics, List<Long> ssrcs) {
  /** Creates a group; the list is copied. */
  public SsrcGroup {
    ssrcs = List.copyOf(ssrcs);
  }
}
