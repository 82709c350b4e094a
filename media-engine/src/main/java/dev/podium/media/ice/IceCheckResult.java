package dev.podium.media.ice;

/**
 * Outcome of one STUN message given to {@link IceLiteAgent#onBindingRequest}: what happened, the
 * bytes to send back to the source address (null: send nothing), and whether the selected address
 * changed.
 *
 * @param status what the agent made of the message; anything but ACCEPTED is a drop to count
 * @param response encoded STUN response to send to the request's source, or null
 * @param selectedAddressChanged true if this check nominated a new selected address
 */
public record IceCheckResult(Status status, byte[] response, boolean selectedAddressChanged) {

  /** What the agent made of a message. */
  public enum Status {
    /** Authenticated check: answered with a success response, source address validated. */
    ACCEPTED,
    /** Wrong or unknown USERNAME, or MESSAGE-INTEGRITY did not verify: answered 401. */
    BAD_CREDENTIALS,
    /**
     * Not decodable, bad FINGERPRINT (dropped silently), missing USERNAME or MESSAGE-INTEGRITY
     * (answered 400), or unknown comprehension-required attributes (answered 420).
     */
    MALFORMED,
    /** The peer claims the controlled role too (ICE-CONTROLLED): answered 487. */
    ROLE_CONFLICT,
    /** A response, an indication or another method: nothing to answer. */
    NOT_A_REQUEST
  }

  /** A result with no response and no selection change. */
  static IceCheckResult drop(Status status) {
    return new IceCheckResult(status, null, false);
  }
}
