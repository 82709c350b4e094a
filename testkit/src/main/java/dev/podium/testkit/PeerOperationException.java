package dev.podium.testkit;

/** A webrtc-java operation of the harness failed; the message carries libwebrtc's own text. */
public class PeerOperationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message. */
  public PeerOperationException(String message) {
    super(message);
  }

  /** Creates the exception with a message and a cause. */
  public PeerOperationException(String message, Throwable cause) {
    super(message, cause);
  }
}
