package dev.podium.media.sdp;

/** Thrown when a well-formed offer cannot be answered (missing ICE credentials, fingerprint...). */
public final class SdpNegotiationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message saying what the offer lacks. */
  public SdpNegotiationException(String message) {
    super(message);
  }
}
