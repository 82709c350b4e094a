package dev.podium.media.ice;

import dev.podium.media.ice.IceCheckResult.Status;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * ICE-lite agent of one connection (RFC 8445 §2.5, §6.1.1): always controlled, it answers
 * connectivity checks (§7.3), remembers the remote addresses that passed one, selects the address
 * the controlling peer nominates with USE-CANDIDATE (§7.3.1.5, §8.2) and tracks consent freshness
 * (RFC 7675 §5.1). It never sends checks of its own. Not thread-safe: use it from the connection's
 * event loop. Time comes from the injected clock (milliseconds).
 *
 * <p>Request handling, in the order of RFC 5389 §7.3 and §10.1.2:
 *
 * <ol>
 *   <li>not a Binding request (responses, indications, other methods): ignored, no response;
 *   <li>FINGERPRINT present but wrong: dropped silently (§7.3: not a STUN message); a missing
 *       FINGERPRINT is tolerated because MESSAGE-INTEGRITY already authenticates the message;
 *   <li>USERNAME or MESSAGE-INTEGRITY missing: 400 Bad Request without integrity;
 *   <li>USERNAME not {@code localUfrag:remoteUfrag} (the remote part is checked once remote
 *       credentials are set), or MESSAGE-INTEGRITY not matching the local password: 401
 *       Unauthorized without integrity;
 *   <li>unknown comprehension-required attributes: 420 Unknown Attribute with UNKNOWN-ATTRIBUTES
 *       and integrity (status MALFORMED);
 *   <li>ICE-CONTROLLED present (the peer believes it is controlled too, which a lite agent cannot
 *       resolve by switching role): 487 Role Conflict with integrity, so the full peer switches to
 *       controlling (RFC 8445 §7.3.1.1);
 *   <li>otherwise: success response with XOR-MAPPED-ADDRESS, the source address is validated and
 *       its consent refreshed; with USE-CANDIDATE it becomes the selected address.
 * </ol>
 */
public final class IceLiteAgent {
  /** RFC 7675 §5.1: consent expires 30 s after the last authenticated check. */
  public static final long DEFAULT_CONSENT_TIMEOUT_MILLIS = 30_000;

  /** Remote addresses remembered at once; more means a peer trying many paths, keep the newest. */
  static final int MAX_VALIDATED_ADDRESSES = 8;

  private static final long NEVER = Long.MIN_VALUE;

  private final IceCredentials local;
  private final byte[] localKey;
  private final LongSupplier clockMillis;
  private final long consentTimeoutMillis;
  private final long createdMillis;
  private final Map<InetSocketAddress, Long> lastCheckByAddress = new HashMap<>();
  private IceCredentials remote;
  private InetSocketAddress selected;
  private long lastValidCheckMillis = NEVER;

  /** An agent with the RFC 7675 consent timeout of 30 s. */
  public IceLiteAgent(IceCredentials local, LongSupplier clockMillis) {
    this(local, clockMillis, DEFAULT_CONSENT_TIMEOUT_MILLIS);
  }

  /** An agent whose consent expires {@code consentTimeoutMillis} after the last valid check. */
  public IceLiteAgent(IceCredentials local, LongSupplier clockMillis, long consentTimeoutMillis) {
    this.local = Objects.requireNonNull(local, "local");
    this.clockMillis = Objects.requireNonNull(clockMillis, "clockMillis");
    if (consentTimeoutMillis <= 0) {
      throw new IllegalArgumentException("consent timeout must be positive");
    }
    this.consentTimeoutMillis = consentTimeoutMillis;
    this.localKey = local.key();
    this.createdMillis = clockMillis.getAsLong();
  }

  public IceCredentials localCredentials() {
    return local;
  }

  /**
   * Credentials from the remote SDP ({@code a=ice-ufrag} / {@code a=ice-pwd}). Once set, the remote
   * part of USERNAME must equal their ufrag.
   */
  public void setRemoteCredentials(IceCredentials remote) {
    this.remote = Objects.requireNonNull(remote, "remote");
  }

  /**
   * Handles one STUN message that arrived from {@code from} (a null message, i.e. one {@link
   * StunMessage#decode} refused, counts as MALFORMED). Never throws.
   */
  public IceCheckResult onBindingRequest(StunMessage request, InetSocketAddress from) {
    if (request == null || from == null || from.getAddress() == null) {
      return IceCheckResult.drop(Status.MALFORMED);
    }
    if (request.type() != StunMessage.BINDING_REQUEST) {
      return IceCheckResult.drop(Status.NOT_A_REQUEST);
    }
    if (request.hasFingerprint() && !request.hasValidFingerprint()) {
      return IceCheckResult.drop(Status.MALFORMED);
    }
    byte[] transactionId = request.transactionId();
    if (request.username().isEmpty() || !request.hasIntegrity()) {
      return reject(Status.MALFORMED, transactionId, 400, "Bad Request", null);
    }
    if (!usernameMatches(request.username().get()) || !request.verifyIntegrity(localKey)) {
      return reject(Status.BAD_CREDENTIALS, transactionId, 401, "Unauthorized", null);
    }
    int[] unknown = request.unknownComprehensionRequiredAttributes();
    if (unknown.length > 0) {
      return new IceCheckResult(
          Status.MALFORMED,
          StunMessageEncoder.unknownAttributesError(transactionId, unknown, localKey),
          false);
    }
    if (request.iceControlled().isPresent()) {
      return reject(Status.ROLE_CONFLICT, transactionId, 487, "Role Conflict", localKey);
    }
    long now = clockMillis.getAsLong();
    remember(from, now);
    boolean changed = false;
    if (request.useCandidate() && !from.equals(selected)) {
      selected = from;
      changed = true;
    }
    byte[] response = StunMessageEncoder.bindingSuccess(transactionId, from, localKey);
    return new IceCheckResult(Status.ACCEPTED, response, changed);
  }

  /**
   * True if {@code from} passed a valid check and its consent has not expired (the last valid check
   * from it is younger than the consent timeout). Accept DTLS and media only from such addresses.
   */
  public boolean isValidated(InetSocketAddress from) {
    Long last = lastCheckByAddress.get(from);
    return last != null && clockMillis.getAsLong() - last < consentTimeoutMillis;
  }

  /** The address media is sent to: set by USE-CANDIDATE on a valid check; null before. */
  public InetSocketAddress selectedAddress() {
    return selected;
  }

  /**
   * Called by the transport when an authenticated (SRTP- or DTLS-verified) packet arrived from
   * {@code from}. If {@code from} is validated and not the selected address, it takes over (NAT
   * rebinding). Returns true if the selection changed. Media does not refresh consent (RFC 7675
   * §5.1 counts only STUN checks).
   */
  public boolean onAuthenticatedPacket(InetSocketAddress from) {
    if (from == null || from.equals(selected) || !isValidated(from)) {
      return false;
    }
    selected = from;
    return true;
  }

  /**
   * True when no valid check arrived from the selected address for the consent timeout (RFC 7675
   * §5.1). Before any address is selected the timer runs from the agent's creation, so a connection
   * whose ICE never completes also expires after the timeout.
   */
  public boolean isConsentExpired() {
    long now = clockMillis.getAsLong();
    if (selected == null) {
      return now - createdMillis >= consentTimeoutMillis;
    }
    Long last = lastCheckByAddress.get(selected);
    return last == null || now - last >= consentTimeoutMillis;
  }

  /** Clock time of the last accepted check from any address, or Long.MIN_VALUE if none yet. */
  public long lastValidCheckMillis() {
    return lastValidCheckMillis;
  }

  /** The consent timeout in milliseconds. */
  public long consentTimeoutMillis() {
    return consentTimeoutMillis;
  }

  private boolean usernameMatches(String username) {
    int colon = username.indexOf(':');
    if (colon < 0) {
      return false;
    }
    // A lite agent receives checks only: the first part is ours, the second the sender's.
    String localPart = username.substring(0, colon);
    String remotePart = username.substring(colon + 1);
    if (!localPart.equals(local.ufrag())) {
      return false;
    }
    return remote == null ? !remotePart.isEmpty() : remotePart.equals(remote.ufrag());
  }

  private void remember(InetSocketAddress from, long now) {
    lastValidCheckMillis = now;
    lastCheckByAddress.put(from, now);
    // Forget addresses whose consent has lapsed, then the oldest ones beyond the cap; the selected
    // address is kept so that isConsentExpired() keeps answering from its own last check.
    Iterator<Map.Entry<InetSocketAddress, Long>> entries = lastCheckByAddress.entrySet().iterator();
    while (entries.hasNext()) {
      Map.Entry<InetSocketAddress, Long> entry = entries.next();
      if (now - entry.getValue() >= consentTimeoutMillis && !entry.getKey().equals(selected)) {
        entries.remove();
      }
    }
    while (lastCheckByAddress.size() > MAX_VALIDATED_ADDRESSES) {
      InetSocketAddress oldest = null;
      long oldestTime = Long.MAX_VALUE;
      for (Map.Entry<InetSocketAddress, Long> entry : lastCheckByAddress.entrySet()) {
        if (!entry.getKey().equals(selected)
            && !entry.getKey().equals(from)
            && entry.getValue() < oldestTime) {
          oldest = entry.getKey();
          oldestTime = entry.getValue();
        }
      }
      if (oldest == null) {
        break;
      }
      lastCheckByAddress.remove(oldest);
    }
  }

  private static IceCheckResult reject(
      Status status, byte[] transactionId, int code, String reason, byte[] key) {
    return new IceCheckResult(
        status, StunMessageEncoder.bindingError(transactionId, code, reason, key), false);
  }
}
