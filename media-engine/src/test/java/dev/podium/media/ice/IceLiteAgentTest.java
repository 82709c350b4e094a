package dev.podium.media.ice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.media.ice.IceCheckResult.Status;
import java.net.InetSocketAddress;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ICE-lite behaviour (RFC 8445 §7.3, RFC 7675) with libwebrtc-shaped checks and a fake clock. */
class IceLiteAgentTest {
  private static final IceCredentials SERVER =
      new IceCredentials("srvUfrag", "serverPasswordIs24Chars+");
  private static final IceCredentials CLIENT =
      new IceCredentials("cliUfrag", "clientPasswordIs24Chars/");
  private static final InetSocketAddress FIRST = new InetSocketAddress("127.0.0.1", 40000);
  private static final InetSocketAddress SECOND = new InetSocketAddress("127.0.0.1", 40001);
  private static final InetSocketAddress IPV6 = new InetSocketAddress("::1", 40002);

  private final AtomicLong clock = new AtomicLong(1_000_000);
  private IceLiteAgent agent;

  @BeforeEach
  void createAgent() {
    agent = new IceLiteAgent(SERVER, clock::get);
    agent.setRemoteCredentials(CLIENT);
  }

  @Test
  void acceptsCorrectCheckWithResponseVerifiableByLocalPassword() {
    byte[] transactionId = newTransactionId();
    StunMessage request = check(transactionId, "srvUfrag:cliUfrag", SERVER.key(), false);

    IceCheckResult result = agent.onBindingRequest(request, FIRST);

    assertThat(result.status()).isEqualTo(Status.ACCEPTED);
    assertThat(result.selectedAddressChanged()).isFalse();
    StunMessage response = decode(result.response());
    assertThat(response.type()).isEqualTo(StunMessage.BINDING_SUCCESS);
    assertThat(response.transactionId()).isEqualTo(transactionId);
    assertThat(response.xorMappedAddress()).contains(FIRST);
    assertThat(response.verifyIntegrity(SERVER.key())).isTrue();
    assertThat(response.verifyIntegrity(CLIENT.key())).isFalse();
    assertThat(response.hasValidFingerprint()).isTrue();
    assertThat(agent.isValidated(FIRST)).isTrue();
    assertThat(agent.isValidated(SECOND)).isFalse();
    assertThat(agent.selectedAddress()).as("not nominated yet").isNull();
    assertThat(agent.lastValidCheckMillis()).isEqualTo(clock.get());
  }

  @Test
  void answersIpv6SourcesWithIpv6MappedAddress() {
    IceCheckResult result =
        agent.onBindingRequest(
            check(newTransactionId(), "srvUfrag:cliUfrag", SERVER.key(), true), IPV6);

    assertThat(result.status()).isEqualTo(Status.ACCEPTED);
    assertThat(decode(result.response()).xorMappedAddress()).contains(IPV6);
    assertThat(agent.selectedAddress()).isEqualTo(IPV6);
  }

  @Test
  void useCandidateSelectsTheAddress() {
    agent.onBindingRequest(validCheck(false), FIRST);
    clock.addAndGet(50); // libwebrtc nominates ~50 ms after its first check

    IceCheckResult result = agent.onBindingRequest(validCheck(true), FIRST);

    assertThat(result.status()).isEqualTo(Status.ACCEPTED);
    assertThat(result.selectedAddressChanged()).isTrue();
    assertThat(agent.selectedAddress()).isEqualTo(FIRST);
    assertThat(agent.onBindingRequest(validCheck(true), FIRST).selectedAddressChanged())
        .as("renominating the same address changes nothing")
        .isFalse();
  }

  @Test
  void wrongPasswordGets401AndDoesNotValidate() {
    StunMessage request = check(newTransactionId(), "srvUfrag:cliUfrag", CLIENT.key(), true);

    IceCheckResult result = agent.onBindingRequest(request, FIRST);

    assertThat(result.status()).isEqualTo(Status.BAD_CREDENTIALS);
    StunMessage response = decode(result.response());
    assertThat(response.type()).isEqualTo(StunMessage.BINDING_ERROR);
    assertThat(response.errorCode()).hasValue(401);
    assertThat(response.hasIntegrity()).isFalse();
    assertThat(agent.isValidated(FIRST)).isFalse();
    assertThat(agent.selectedAddress()).isNull();
    assertThat(agent.lastValidCheckMillis()).isEqualTo(Long.MIN_VALUE);
  }

  @Test
  void wrongRemoteUfragIsRejected() {
    IceCheckResult result =
        agent.onBindingRequest(
            check(newTransactionId(), "srvUfrag:intruder", SERVER.key(), true), FIRST);

    assertThat(result.status()).isEqualTo(Status.BAD_CREDENTIALS);
    assertThat(decode(result.response()).errorCode()).hasValue(401);
    assertThat(agent.isValidated(FIRST)).isFalse();
  }

  @Test
  void anyRemoteUfragIsAcceptedBeforeRemoteCredentialsAreKnown() {
    IceLiteAgent early = new IceLiteAgent(SERVER, clock::get);

    assertThat(
            early
                .onBindingRequest(
                    check(newTransactionId(), "srvUfrag:whoever", SERVER.key(), false), FIRST)
                .status())
        .isEqualTo(Status.ACCEPTED);
    assertThat(
            early
                .onBindingRequest(
                    check(newTransactionId(), "srvUfrag:", SERVER.key(), false), FIRST)
                .status())
        .isEqualTo(Status.BAD_CREDENTIALS);
  }

  @Test
  void wrongLocalUfragOrMissingColonIsRejected() {
    assertThat(
            agent
                .onBindingRequest(
                    check(newTransactionId(), "other123:cliUfrag", SERVER.key(), false), FIRST)
                .status())
        .isEqualTo(Status.BAD_CREDENTIALS);
    assertThat(
            agent
                .onBindingRequest(check(newTransactionId(), "srvUfrag", SERVER.key(), false), FIRST)
                .status())
        .isEqualTo(Status.BAD_CREDENTIALS);
  }

  @Test
  void peerClaimingControlledRoleGetsRoleConflict() {
    byte[] transactionId = newTransactionId();
    byte[] bytes =
        new StunMessageWriter(StunMessage.BINDING_REQUEST, transactionId)
            .text(StunAttributeType.USERNAME, "srvUfrag:cliUfrag")
            .u32(StunAttributeType.PRIORITY, 1853824767L)
            .u64(StunAttributeType.ICE_CONTROLLED, 42L)
            .attribute(StunAttributeType.USE_CANDIDATE, new byte[0])
            .messageIntegrity(SERVER.key())
            .fingerprint()
            .toByteArray();

    IceCheckResult result = agent.onBindingRequest(decode(bytes), FIRST);

    assertThat(result.status()).isEqualTo(Status.ROLE_CONFLICT);
    StunMessage response = decode(result.response());
    assertThat(response.errorCode()).hasValue(487);
    assertThat(response.transactionId()).isEqualTo(transactionId);
    assertThat(response.verifyIntegrity(SERVER.key())).isTrue();
    assertThat(agent.isValidated(FIRST)).isFalse();
    assertThat(agent.selectedAddress()).isNull();
  }

  @Test
  void requestWithoutIntegrityGets400() {
    byte[] bytes =
        new StunMessageWriter(StunMessage.BINDING_REQUEST, newTransactionId())
            .text(StunAttributeType.USERNAME, "srvUfrag:cliUfrag")
            .fingerprint()
            .toByteArray();

    IceCheckResult result = agent.onBindingRequest(decode(bytes), FIRST);

    assertThat(result.status()).isEqualTo(Status.MALFORMED);
    assertThat(decode(result.response()).errorCode()).hasValue(400);
  }

  @Test
  void unknownComprehensionRequiredAttributeGets420() {
    byte[] bytes =
        new StunMessageWriter(StunMessage.BINDING_REQUEST, newTransactionId())
            .text(StunAttributeType.USERNAME, "srvUfrag:cliUfrag")
            .attribute(0x0777, new byte[4])
            .messageIntegrity(SERVER.key())
            .fingerprint()
            .toByteArray();

    IceCheckResult result = agent.onBindingRequest(decode(bytes), FIRST);

    assertThat(result.status()).isEqualTo(Status.MALFORMED);
    assertThat(decode(result.response()).errorCode()).hasValue(420);
    assertThat(agent.isValidated(FIRST)).isFalse();
  }

  @Test
  void libwebrtcNetworkInfoAttributeIsIgnored() {
    byte[] bytes =
        new StunMessageWriter(StunMessage.BINDING_REQUEST, newTransactionId())
            .text(StunAttributeType.USERNAME, "srvUfrag:cliUfrag")
            .u32(StunAttributeType.PRIORITY, 1853824767L)
            .u64(StunAttributeType.ICE_CONTROLLING, 7L)
            .attribute(StunAttributeType.GOOG_NETWORK_INFO, new byte[] {0, 1, 0, 10})
            .messageIntegrity(SERVER.key())
            .fingerprint()
            .toByteArray();

    assertThat(agent.onBindingRequest(decode(bytes), FIRST).status()).isEqualTo(Status.ACCEPTED);
  }

  @Test
  void badFingerprintIsDroppedSilently() {
    byte[] bytes = request(newTransactionId(), "srvUfrag:cliUfrag", SERVER.key(), true);
    bytes[bytes.length - 1] ^= 0x55;

    IceCheckResult result = agent.onBindingRequest(decode(bytes), FIRST);

    assertThat(result.status()).isEqualTo(Status.MALFORMED);
    assertThat(result.response()).isNull();
    assertThat(agent.selectedAddress()).isNull();
  }

  @Test
  void responsesIndicationsAndUndecodableMessagesAreNotAnswered() {
    byte[] success = StunMessageEncoder.bindingSuccess(newTransactionId(), FIRST, SERVER.key());
    byte[] indication =
        new StunMessageWriter(StunMessage.BINDING_INDICATION, newTransactionId())
            .fingerprint()
            .toByteArray();

    assertThat(agent.onBindingRequest(decode(success), FIRST))
        .isEqualTo(new IceCheckResult(Status.NOT_A_REQUEST, null, false));
    assertThat(agent.onBindingRequest(decode(indication), FIRST).status())
        .isEqualTo(Status.NOT_A_REQUEST);
    assertThat(agent.onBindingRequest(null, FIRST))
        .isEqualTo(new IceCheckResult(Status.MALFORMED, null, false));
  }

  @Test
  void consentHoldsFor29SecondsAndExpiresAt31() {
    agent.onBindingRequest(validCheck(true), FIRST);

    clock.addAndGet(29_000);
    assertThat(agent.isConsentExpired()).isFalse();
    assertThat(agent.isValidated(FIRST)).isTrue();

    clock.addAndGet(2_000);
    assertThat(agent.isConsentExpired()).isTrue();
    assertThat(agent.isValidated(FIRST)).isFalse();
  }

  @Test
  void consentChecksKeepTheSelectedAddressFresh() {
    agent.onBindingRequest(validCheck(true), FIRST);
    for (int i = 0; i < 20; i++) {
      clock.addAndGet(5_000); // browsers send consent checks every ~5 s
      agent.onBindingRequest(validCheck(false), FIRST);
    }
    assertThat(agent.isConsentExpired()).isFalse();
    assertThat(agent.isValidated(FIRST)).isTrue();
  }

  @Test
  void checksFromAnotherAddressDoNotRefreshTheSelectedOne() {
    agent.onBindingRequest(validCheck(true), FIRST);
    clock.addAndGet(20_000);
    agent.onBindingRequest(validCheck(false), SECOND);
    clock.addAndGet(11_000);

    assertThat(agent.isConsentExpired()).isTrue();
    assertThat(agent.isValidated(SECOND)).isTrue();
  }

  @Test
  void rejectedChecksDoNotRefreshConsent() {
    agent.onBindingRequest(validCheck(true), FIRST);
    clock.addAndGet(20_000);
    agent.onBindingRequest(
        check(newTransactionId(), "srvUfrag:cliUfrag", CLIENT.key(), false), FIRST);
    clock.addAndGet(11_000);

    assertThat(agent.isConsentExpired()).isTrue();
  }

  @Test
  void customConsentTimeoutIsHonoured() {
    IceLiteAgent quick = new IceLiteAgent(SERVER, clock::get, 5_000);
    quick.onBindingRequest(validCheck(true), FIRST);
    clock.addAndGet(4_999);
    assertThat(quick.isConsentExpired()).isFalse();
    clock.addAndGet(1);
    assertThat(quick.isConsentExpired()).isTrue();
  }

  @Test
  void agentThatNeverConnectsExpiresAfterTheTimeout() {
    clock.addAndGet(29_000);
    assertThat(agent.isConsentExpired()).isFalse();
    clock.addAndGet(2_000);
    assertThat(agent.isConsentExpired()).isTrue();
  }

  @Test
  void natRebindingNominationMovesTheSelection() {
    agent.onBindingRequest(validCheck(true), FIRST);
    clock.addAndGet(10_000);

    IceCheckResult result = agent.onBindingRequest(validCheck(true), SECOND);

    assertThat(result.selectedAddressChanged()).isTrue();
    assertThat(agent.selectedAddress()).isEqualTo(SECOND);
    assertThat(agent.isValidated(FIRST)).as("still within its consent").isTrue();
  }

  @Test
  void authenticatedPacketFromValidatedAddressTakesOver() {
    agent.onBindingRequest(validCheck(true), FIRST);
    agent.onBindingRequest(validCheck(false), SECOND);

    assertThat(agent.onAuthenticatedPacket(FIRST)).as("already selected").isFalse();
    assertThat(agent.onAuthenticatedPacket(SECOND)).isTrue();
    assertThat(agent.selectedAddress()).isEqualTo(SECOND);
  }

  @Test
  void authenticatedPacketFromUnvalidatedAddressIsIgnored() {
    agent.onBindingRequest(validCheck(true), FIRST);
    InetSocketAddress stranger = new InetSocketAddress("127.0.0.1", 40999);

    assertThat(agent.onAuthenticatedPacket(stranger)).isFalse();
    assertThat(agent.onAuthenticatedPacket(null)).isFalse();
    assertThat(agent.selectedAddress()).isEqualTo(FIRST);
  }

  @Test
  void authenticatedPacketFromAddressWhoseConsentLapsedIsIgnored() {
    agent.onBindingRequest(validCheck(false), SECOND);
    clock.addAndGet(25_000);
    agent.onBindingRequest(validCheck(true), FIRST);
    clock.addAndGet(6_000);

    assertThat(agent.onAuthenticatedPacket(SECOND)).isFalse();
    assertThat(agent.selectedAddress()).isEqualTo(FIRST);
  }

  @Test
  void remembersOnlyABoundedNumberOfAddresses() {
    agent.onBindingRequest(validCheck(true), FIRST);
    for (int port = 50000; port < 50000 + 3 * IceLiteAgent.MAX_VALIDATED_ADDRESSES; port++) {
      clock.addAndGet(1);
      agent.onBindingRequest(validCheck(false), new InetSocketAddress("127.0.0.1", port));
    }
    int last = 50000 + 3 * IceLiteAgent.MAX_VALIDATED_ADDRESSES - 1;

    assertThat(agent.isValidated(FIRST)).as("the selected address is kept").isTrue();
    assertThat(agent.isValidated(new InetSocketAddress("127.0.0.1", last))).isTrue();
    assertThat(agent.isValidated(new InetSocketAddress("127.0.0.1", 50000))).isFalse();
  }

  private StunMessage validCheck(boolean useCandidate) {
    return check(newTransactionId(), "srvUfrag:cliUfrag", SERVER.key(), useCandidate);
  }

  static StunMessage check(
      byte[] transactionId, String username, byte[] key, boolean useCandidate) {
    return decode(request(transactionId, username, key, useCandidate));
  }

  /** A check shaped like libwebrtc's: USERNAME, PRIORITY, ICE-CONTROLLING, [USE-CANDIDATE]. */
  static byte[] request(byte[] transactionId, String username, byte[] key, boolean useCandidate) {
    return StunMessageEncoder.bindingRequest(
        transactionId, username, 1853824767L, 0x1234_5678_9abc_def0L, useCandidate, key);
  }

  static byte[] newTransactionId() {
    byte[] id = new byte[12];
    ThreadLocalRandom.current().nextBytes(id);
    return id;
  }

  static StunMessage decode(byte[] bytes) {
    StunMessage message = StunMessage.decode(bytes, 0, bytes.length);
    assertThat(message).isNotNull();
    return message;
  }
}
