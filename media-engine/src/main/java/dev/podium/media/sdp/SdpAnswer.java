package dev.podium.media.sdp;

/** An answer built by {@link AnswerBuilder}: the SDP to send and the negotiated summary. */
public record SdpAnswer(SessionDescription description, NegotiatedSession session) {

  /** The answer as SDP text with CRLF line ends. */
  public String sdp() {
    return description.toString();
  }
}
