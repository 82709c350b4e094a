package dev.podium.media.ice;

import java.net.InetSocketAddress;

/**
 * Builds the STUN Binding messages ICE needs (RFC 5389 §6, §15; RFC 8445 §7.1-§7.3). Every message
 * ends with FINGERPRINT (RFC 8445 §7.2.2/§7.3.1). Arguments are checked and bad ones rejected with
 * {@link IllegalArgumentException}; the agent only passes values it has validated.
 */
public final class StunMessageEncoder {
  private StunMessageEncoder() {}

  /**
   * Binding success response (RFC 8445 §7.3.1.5) with XOR-MAPPED-ADDRESS (IPv4 or IPv6, the source
   * address of the request), MESSAGE-INTEGRITY keyed with {@code integrityKey} (the local password)
   * and FINGERPRINT.
   */
  public static byte[] bindingSuccess(
      byte[] transactionId, InetSocketAddress mapped, byte[] integrityKey) {
    requireKey(integrityKey);
    return new StunMessageWriter(StunMessage.BINDING_SUCCESS, transactionId)
        .xorAddress(StunAttributeType.XOR_MAPPED_ADDRESS, mapped)
        .messageIntegrity(integrityKey)
        .fingerprint()
        .toByteArray();
  }

  /**
   * Binding error response (RFC 5389 §7.3.1, §15.6), e.g. 400 Bad Request, 401 Unauthorized, 487
   * Role Conflict, with ERROR-CODE, MESSAGE-INTEGRITY if {@code integrityKeyOrNull} is not null
   * (omit it for 400 and 401, §10.1.2), and FINGERPRINT.
   */
  public static byte[] bindingError(
      byte[] transactionId, int code, String reason, byte[] integrityKeyOrNull) {
    return bindingError(transactionId, code, reason, null, integrityKeyOrNull);
  }

  /**
   * 420 Unknown Attribute response (RFC 5389 §7.3.1) listing the comprehension-required attribute
   * types the request carried that this agent does not understand.
   */
  public static byte[] unknownAttributesError(
      byte[] transactionId, int[] unknownTypes, byte[] integrityKeyOrNull) {
    return bindingError(
        transactionId, 420, "Unknown Attribute", unknownTypes.clone(), integrityKeyOrNull);
  }

  private static byte[] bindingError(
      byte[] transactionId,
      int code,
      String reason,
      int[] unknownTypes,
      byte[] integrityKeyOrNull) {
    StunMessageWriter writer =
        new StunMessageWriter(StunMessage.BINDING_ERROR, transactionId).errorCode(code, reason);
    if (unknownTypes != null) {
      writer.unknownAttributes(unknownTypes);
    }
    if (integrityKeyOrNull != null) {
      writer.messageIntegrity(integrityKeyOrNull);
    }
    return writer.fingerprint().toByteArray();
  }

  /**
   * Binding request of a controlling agent (RFC 8445 §7.2.2), for tests and clients: USERNAME
   * ({@code "remoteUfrag:localUfrag"}), PRIORITY, ICE-CONTROLLING with {@code tieBreaker}, optional
   * USE-CANDIDATE, MESSAGE-INTEGRITY keyed with the remote password, FINGERPRINT.
   */
  public static byte[] bindingRequest(
      byte[] transactionId,
      String username,
      long priority,
      long tieBreaker,
      boolean useCandidate,
      byte[] integrityKey) {
    requireKey(integrityKey);
    if (priority < 0 || priority > 0xFFFFFFFFL) {
      throw new IllegalArgumentException("PRIORITY is an unsigned 32-bit value: " + priority);
    }
    StunMessageWriter writer =
        new StunMessageWriter(StunMessage.BINDING_REQUEST, transactionId)
            .text(StunAttributeType.USERNAME, username)
            .u32(StunAttributeType.PRIORITY, priority)
            .u64(StunAttributeType.ICE_CONTROLLING, tieBreaker);
    if (useCandidate) {
      writer.attribute(StunAttributeType.USE_CANDIDATE, new byte[0]);
    }
    return writer.messageIntegrity(integrityKey).fingerprint().toByteArray();
  }

  private static void requireKey(byte[] key) {
    if (key == null) {
      throw new IllegalArgumentException("an integrity key is required");
    }
  }
}
