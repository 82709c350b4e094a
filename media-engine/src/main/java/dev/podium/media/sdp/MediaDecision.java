package dev.podium.media.sdp;

/**
 * What the caller wants for one offered m-line: reject it, receive what the client sends, send
 * {@link OutgoingStream} to the client, or accept a data channel. The answer direction is the
 * intersection of this wish and the offer (RFC 8829 section 5.3.1).
 */
public record MediaDecision(
    boolean accepted, boolean receives, OutgoingStream outgoing, boolean dataChannel) {

  /** Accept and receive the client's media (sendonly or sendrecv offer); send nothing. */
  public static MediaDecision receive() {
    return new MediaDecision(true, true, null, false);
  }

  /** Accept and send {@code stream} to the client; receive nothing. */
  public static MediaDecision send(OutgoingStream stream) {
    return new MediaDecision(true, false, java.util.Objects.requireNonNull(stream), false);
  }

  /** Accept, receive the client's media and send {@code stream} (e.g. the audio mix). */
  public static MediaDecision sendReceive(OutgoingStream stream) {
    return new MediaDecision(true, true, java.util.Objects.requireNonNull(stream), false);
  }

  /** Reject the m-line (port 0 in the answer). */
  public static MediaDecision reject() {
    return new MediaDecision(false, false, null, false);
  }

  /** Accept an SCTP data channel m-line (Podium rejects them by default). */
  public static MediaDecision acceptDataChannel() {
    return new MediaDecision(true, false, null, true);
  }
}
