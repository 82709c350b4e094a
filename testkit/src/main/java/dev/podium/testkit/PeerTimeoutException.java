package dev.podium.testkit;

/** A harness wait (signaling call, connection, frames, samples) passed its limit. */
public class PeerTimeoutException extends PeerOperationException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that says what was awaited and what was seen. */
  public PeerTimeoutException(String message) {
    super(message);
  }
}
