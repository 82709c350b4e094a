package dev.podium.media.sdp;

import java.util.List;
import java.util.Optional;

/**
 * What an answer agreed, for the transport and router: the client's ICE credentials and DTLS
 * fingerprint (of the BUNDLE transport, RFC 8843 section 7.2) and each accepted m-line in order.
 */
public record NegotiatedSession(
    String remoteIceUfrag,
    String remoteIcePwd,
    Fingerprint remoteFingerprint,
    List<NegotiatedMedia> media) {

  /** Creates the record; the list is copied. */
  public NegotiatedSession {
    media = List.copyOf(media);
  }

  /** The accepted m-line with this mid. */
  public Optional<NegotiatedMedia> media(String mid) {
    return media.stream().filter(m -> m.mid().equals(mid)).findFirst();
  }
}
