package dev.podium.media.dtls;

import static dev.podium.media.dtls.DtlsSrtpKeys.SRTP_AEAD_AES_128_GCM;
import static dev.podium.media.dtls.DtlsSrtpKeys.SRTP_AES128_CM_HMAC_SHA1_32;
import static dev.podium.media.dtls.DtlsSrtpKeys.SRTP_AES128_CM_HMAC_SHA1_80;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.TlsFatalAlertReceived;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DtlsServerSessionTest {

  private static final int[] SERVER_PREFERENCE = {
    SRTP_AEAD_AES_128_GCM, SRTP_AES128_CM_HMAC_SHA1_80
  };
  private static final long HANDSHAKE_TIMEOUT_MILLIS = 5_000;

  private static DtlsCertificate serverCertificate;
  private static DtlsCertificate clientCertificate;

  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final DatagramPipe pipe = new DatagramPipe();
  private final RecordingListener listener = new RecordingListener();

  @BeforeAll
  static void generateCertificates() {
    serverCertificate = DtlsCertificate.generate();
    clientCertificate = DtlsCertificate.generate();
  }

  @AfterEach
  void stopExecutor() {
    executor.shutdownNow();
  }

  private DtlsServerSession newSession(int[] serverProfiles, String expectedFingerprint) {
    DtlsServerSession session =
        new DtlsServerSession(
            serverCertificate,
            "sha-256",
            expectedFingerprint,
            pipe.serverSender(),
            listener,
            executor,
            serverProfiles,
            HANDSHAKE_TIMEOUT_MILLIS);
    pipe.connect(session);
    return session;
  }

  private DtlsServerSession startedSession() {
    DtlsServerSession session = newSession(SERVER_PREFERENCE, clientCertificate.fingerprint());
    session.start();
    return session;
  }

  private DTLSTransport connect(TestDtlsClient client) throws IOException {
    return new DTLSClientProtocol().connect(client, pipe.clientTransport());
  }

  private static TestDtlsClient browserLikeClient() {
    return new TestDtlsClient(
        clientCertificate, SRTP_AES128_CM_HMAC_SHA1_80, SRTP_AEAD_AES_128_GCM);
  }

  private static void assertSameKeys(DtlsSrtpKeys server, DtlsSrtpKeys client) {
    assertThat(server.useSrtpProfile()).isEqualTo(client.useSrtpProfile());
    assertThat(server.clientWriteKey()).isEqualTo(client.clientWriteKey());
    assertThat(server.serverWriteKey()).isEqualTo(client.serverWriteKey());
    assertThat(server.clientWriteSalt()).isEqualTo(client.clientWriteSalt());
    assertThat(server.serverWriteSalt()).isEqualTo(client.serverWriteSalt());
  }

  @Test
  void completesHandshakeAndBothSidesExportIdenticalKeys() throws Exception {
    DtlsServerSession session = startedSession();
    TestDtlsClient client = browserLikeClient();

    connect(client);
    DtlsSrtpKeys serverKeys = listener.connected.get(5, TimeUnit.SECONDS);

    assertThat(session.isConnected()).isTrue();
    assertSameKeys(serverKeys, client.exportKeys());
    assertThat(serverKeys.clientWriteKey()).hasSize(16).isNotEqualTo(serverKeys.serverWriteKey());
    assertThat(serverKeys.clientWriteSalt()).hasSize(12);
    assertThat(serverKeys.serverWriteSalt()).hasSize(12);
    assertThat(serverKeys.toString())
        .doesNotContain(HexFormat.of().formatHex(serverKeys.clientWriteKey()));
    String sha256 =
        HexFormat.ofDelimiter(":")
            .withUpperCase()
            .formatHex(MessageDigest.getInstance("SHA-256").digest(client.serverCertificateDer()));
    assertThat(serverCertificate.fingerprint()).isEqualTo(sha256);
    assertThat(serverCertificate.fingerprintAlgorithm()).isEqualTo("sha-256");
    assertThat(listener.events).containsExactly("connected");
    assertThat(session.droppedDatagramCount()).isZero(); // the record filter let every one in
  }

  @Test
  void negotiatesServerPreferredProfileWhenClientOffersBoth() throws Exception {
    startedSession(); // prefers AEAD_AES_128_GCM; the client lists SHA1_80 first
    TestDtlsClient client = browserLikeClient();

    connect(client);

    assertThat(listener.connected.get(5, TimeUnit.SECONDS).useSrtpProfile())
        .isEqualTo(SRTP_AEAD_AES_128_GCM);
    assertThat(client.selectedProfile()).isEqualTo(SRTP_AEAD_AES_128_GCM);
  }

  @Test
  void followsAnotherServerPreferenceOrder() throws Exception {
    newSession(
            new int[] {SRTP_AES128_CM_HMAC_SHA1_80, SRTP_AEAD_AES_128_GCM},
            clientCertificate.fingerprint())
        .start();
    TestDtlsClient client =
        new TestDtlsClient(clientCertificate, SRTP_AEAD_AES_128_GCM, SRTP_AES128_CM_HMAC_SHA1_80);

    connect(client);

    DtlsSrtpKeys keys = listener.connected.get(5, TimeUnit.SECONDS);
    assertThat(keys.useSrtpProfile()).isEqualTo(SRTP_AES128_CM_HMAC_SHA1_80);
    assertThat(keys.clientWriteSalt()).hasSize(14);
    assertSameKeys(keys, client.exportKeys());
  }

  @Test
  void negotiatesTheOnlyCommonProfile() throws Exception {
    startedSession();
    TestDtlsClient client = new TestDtlsClient(clientCertificate, SRTP_AES128_CM_HMAC_SHA1_80);

    connect(client);

    DtlsSrtpKeys keys = listener.connected.get(5, TimeUnit.SECONDS);
    assertThat(keys.useSrtpProfile()).isEqualTo(SRTP_AES128_CM_HMAC_SHA1_80);
    assertThat(keys.clientWriteKey()).hasSize(16);
    assertThat(keys.serverWriteSalt()).hasSize(14);
    assertSameKeys(keys, client.exportKeys());
  }

  @Test
  void failsWhenNoProfileIsCommon() throws Exception {
    DtlsServerSession session = startedSession();
    TestDtlsClient client = new TestDtlsClient(clientCertificate, SRTP_AES128_CM_HMAC_SHA1_32);

    assertThatThrownBy(() -> connect(client)).isInstanceOf(TlsFatalAlertReceived.class);

    assertThat(listener.failed.get(5, TimeUnit.SECONDS))
        .startsWith("no common SRTP protection profile")
        .contains("SRTP_AES128_CM_HMAC_SHA1_32");
    assertThat(listener.connected).isNotDone();
    assertThat(session.isConnected()).isFalse();
  }

  @Test
  void rejectsCertificateNotMatchingTheSdpFingerprint() throws Exception {
    DtlsCertificate stranger = DtlsCertificate.generate();
    newSession(SERVER_PREFERENCE, stranger.fingerprint()).start();

    assertThatThrownBy(() -> connect(browserLikeClient()))
        .isInstanceOfSatisfying(
            TlsFatalAlertReceived.class,
            alert ->
                assertThat(alert.getAlertDescription())
                    .isEqualTo(AlertDescription.bad_certificate));

    assertThat(listener.failed.get(5, TimeUnit.SECONDS))
        .isEqualTo("certificate fingerprint does not match the SDP");
    assertThat(listener.connected).isNotDone();
    assertThat(listener.events).hasSize(1);
  }

  @Test
  void matchesFingerprintIgnoringCase() throws Exception {
    newSession(SERVER_PREFERENCE, clientCertificate.fingerprint().toLowerCase(Locale.ROOT)).start();

    connect(browserLikeClient());

    assertThat(listener.connected.get(5, TimeUnit.SECONDS)).isNotNull();
  }

  @Test
  void failsWhenClientSendsNoCertificate() throws Exception {
    startedSession();
    TestDtlsClient anonymous = new TestDtlsClient(clientCertificate, false, SRTP_AEAD_AES_128_GCM);

    assertThatThrownBy(() -> connect(anonymous)).isInstanceOf(TlsFatalAlertReceived.class);

    assertThat(listener.failed.get(5, TimeUnit.SECONDS)).isEqualTo("client sent no certificate");
  }

  @Test
  void completesWhenServerFirstFlightIsLostOnce() throws Exception {
    startedSession();
    Set<Integer> seen = new HashSet<>();
    AtomicBoolean dropped = new AtomicBoolean();
    pipe.dropToClient(
        datagram -> {
          int type = DatagramPipe.handshakeType(datagram);
          boolean firstCopy = type >= 0 && type != 3 && seen.add(type); // 3: HelloVerifyRequest
          dropped.compareAndSet(false, firstCopy);
          return firstCopy;
        });
    TestDtlsClient client = browserLikeClient();

    connect(client);

    assertThat(dropped).isTrue();
    assertSameKeys(listener.connected.get(5, TimeUnit.SECONDS), client.exportKeys());
  }

  @Test
  void completesWhenClientFinishedIsLostOnce() throws Exception {
    startedSession();
    AtomicBoolean dropped = new AtomicBoolean();
    pipe.dropToServer(
        datagram ->
            DatagramPipe.epoch(datagram) == 1
                && DatagramPipe.contentType(datagram) == 22
                && dropped.compareAndSet(false, true));
    TestDtlsClient client = browserLikeClient();

    connect(client);

    assertThat(dropped).isTrue();
    assertSameKeys(listener.connected.get(5, TimeUnit.SECONDS), client.exportKeys());
  }

  @Test
  void resendsFinishedAfterConnectingWhenServerFinishedIsLost() throws Exception {
    startedSession();
    AtomicBoolean dropped = new AtomicBoolean();
    pipe.dropToClient(
        datagram ->
            DatagramPipe.epoch(datagram) == 1
                && DatagramPipe.contentType(datagram) == 22
                && dropped.compareAndSet(false, true));
    TestDtlsClient client = browserLikeClient();

    connect(client); // only completes if the connected server answers the client's resent flight

    assertThat(dropped).isTrue();
    assertSameKeys(listener.connected.get(5, TimeUnit.SECONDS), client.exportKeys());
  }

  @Test
  void reportsClientCloseNotifyAsClosed() throws Exception {
    DtlsServerSession session = startedSession();
    DTLSTransport client = connect(browserLikeClient());
    listener.connected.get(5, TimeUnit.SECONDS);

    client.close();

    listener.closed.get(5, TimeUnit.SECONDS);
    assertThat(session.isConnected()).isFalse();
    assertThat(listener.events).containsExactly("connected", "closed");
  }

  @Test
  void closeSendsCloseNotifyOnceAndCallsNoListener() throws Exception {
    DtlsServerSession session = startedSession();
    TestDtlsClient client = browserLikeClient();
    DTLSTransport clientTransport = connect(client);
    listener.connected.get(5, TimeUnit.SECONDS);
    int sentBeforeClose = pipe.serverDatagramCount();

    session.close();
    session.close();

    assertThat(session.isConnected()).isFalse();
    byte[] buffer = new byte[1500];
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!client.closeNotifyReceived() && System.nanoTime() < deadline) {
      clientTransport.receive(buffer, 0, buffer.length, 100);
    }
    assertThat(client.closeNotifyReceived()).isTrue();
    assertThat(pipe.serverDatagramCount()).isEqualTo(sentBeforeClose + 1);
    Thread.sleep(100); // the client's answering close_notify must not reach the listener
    assertThat(listener.events).containsExactly("connected");
  }

  @Test
  void failsWithinTheHandshakeTimeout() throws Exception {
    DtlsServerSession session =
        new DtlsServerSession(
            serverCertificate,
            "sha-256",
            clientCertificate.fingerprint(),
            pipe.serverSender(),
            listener,
            executor,
            SERVER_PREFERENCE,
            300);
    long started = System.nanoTime();

    session.start(); // no client ever speaks

    String reason = listener.failed.get(5, TimeUnit.SECONDS);
    long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    assertThat(reason).isEqualTo("handshake timed out after 300 ms");
    assertThat(elapsedMillis).isBetween(250L, 1_500L);
  }

  @Test
  void failsWhenClientStallsMidHandshake() throws Exception {
    DtlsServerSession session =
        new DtlsServerSession(
            serverCertificate,
            "sha-256",
            clientCertificate.fingerprint(),
            pipe.serverSender(),
            listener,
            executor,
            SERVER_PREFERENCE,
            400);
    pipe.connect(session);
    session.start();
    AtomicBoolean helloSent = new AtomicBoolean();
    pipe.dropToServer(datagram -> !helloSent.compareAndSet(false, true)); // only the ClientHello
    executor.execute(
        () -> {
          try {
            connect(browserLikeClient());
          } catch (IOException expected) {
            // the client times out on its own later
          }
        });

    assertThat(listener.failed.get(5, TimeUnit.SECONDS)).contains("timed out");
    assertThat(pipe.serverDatagramCount()).isGreaterThan(0);
  }

  @Test
  void ignoresGarbageBeforeDuringAndAfterHandshake() throws Exception {
    DtlsServerSession session = newSession(SERVER_PREFERENCE, clientCertificate.fingerprint());
    Random random = new Random(42);
    feedGarbage(session, random);
    session.start();
    feedGarbage(session, random);
    DTLSTransport client = connect(browserLikeClient());
    listener.connected.get(5, TimeUnit.SECONDS);

    feedGarbage(session, random);
    Thread.sleep(100);
    assertThat(session.isConnected()).isTrue();
    client.close();

    listener.closed.get(5, TimeUnit.SECONDS);
    assertThat(listener.events).containsExactly("connected", "closed");
  }

  private static void feedGarbage(DtlsServerSession session, Random random) {
    for (int i = 0; i < 20; i++) {
      byte[] junk = new byte[random.nextInt(1600)];
      random.nextBytes(junk);
      session.onDatagram(junk, 0, junk.length);
    }
    // Records that look right up to the cipher: handshake and application data, epochs 0 and 1.
    for (int type : new int[] {22, 23, 21}) {
      for (int epoch = 0; epoch < 2; epoch++) {
        byte[] record = new byte[13 + 48];
        random.nextBytes(record);
        record[0] = (byte) type;
        record[1] = (byte) 0xFE;
        record[2] = (byte) 0xFD;
        record[3] = 0;
        record[4] = (byte) epoch;
        record[11] = 0;
        record[12] = 48;
        session.onDatagram(record, 0, record.length);
      }
    }
    session.onDatagram(new byte[5], 0, 5);
  }

  @Test
  void dropsAndCountsDatagramsBeyondTheQueueCapacity() {
    DtlsServerSession session = newSession(SERVER_PREFERENCE, clientCertificate.fingerprint());
    byte[] record = new byte[100];
    record[0] = 23; // application data, DTLS 1.2, epoch 1, 87 bytes of ciphertext
    record[1] = (byte) 0xFE;
    record[2] = (byte) 0xFD;
    record[4] = 1;
    record[12] = 87;

    for (int i = 0; i < QueueDatagramTransport.QUEUE_CAPACITY + 10; i++) {
      session.onDatagram(record, 0, record.length);
    }
    session.onDatagram(record, 0, 5);

    assertThat(session.droppedDatagramCount()).isEqualTo(11);
    session.close();
  }

  @Test
  void closeDuringHandshakeReleasesTheWorkerSilently() throws Exception {
    ExecutorService single = Executors.newSingleThreadExecutor();
    try {
      DtlsServerSession session =
          new DtlsServerSession(
              serverCertificate,
              "sha-256",
              clientCertificate.fingerprint(),
              pipe.serverSender(),
              listener,
              single,
              SERVER_PREFERENCE,
              60_000);
      session.start();
      Thread.sleep(50);

      session.close();

      assertThat(single.submit(() -> "free").get(2, TimeUnit.SECONDS)).isEqualTo("free");
      assertThat(listener.events).isEmpty();
      assertThat(pipe.serverDatagramCount()).isZero();
    } finally {
      single.shutdownNow();
    }
  }

  @Test
  void servesConnectionsOneAfterAnotherOnOneExecutorThread() throws Exception {
    ExecutorService single = Executors.newSingleThreadExecutor();
    try {
      for (int i = 0; i < 3; i++) {
        DatagramPipe link = new DatagramPipe();
        RecordingListener outcome = new RecordingListener();
        DtlsServerSession session =
            new DtlsServerSession(
                serverCertificate,
                "sha-256",
                clientCertificate.fingerprint(),
                link.serverSender(),
                outcome,
                single,
                SERVER_PREFERENCE,
                HANDSHAKE_TIMEOUT_MILLIS);
        link.connect(session);
        session.start();
        new DTLSClientProtocol().connect(browserLikeClient(), link.clientTransport());
        outcome.connected.get(5, TimeUnit.SECONDS);
        assertThat(session.isConnected()).isTrue(); // connected sessions hold no thread
      }
    } finally {
      single.shutdownNow();
    }
  }

  @Test
  void handshakesConcurrentlyWithOneSharedCertificate() throws Exception {
    int connections = 4;
    java.util.List<java.util.concurrent.Future<DtlsSrtpKeys[]>> results =
        new java.util.ArrayList<>();
    for (int i = 0; i < connections; i++) {
      results.add(
          executor.submit(
              () -> {
                DatagramPipe link = new DatagramPipe();
                RecordingListener outcome = new RecordingListener();
                DtlsServerSession session =
                    new DtlsServerSession(
                        serverCertificate,
                        "sha-256",
                        clientCertificate.fingerprint(),
                        link.serverSender(),
                        outcome,
                        executor,
                        SERVER_PREFERENCE,
                        HANDSHAKE_TIMEOUT_MILLIS);
                link.connect(session);
                session.start();
                TestDtlsClient client = browserLikeClient();
                new DTLSClientProtocol().connect(client, link.clientTransport());
                return new DtlsSrtpKeys[] {
                  outcome.connected.get(5, TimeUnit.SECONDS), client.exportKeys()
                };
              }));
    }

    Set<String> distinctKeys = new HashSet<>();
    for (var result : results) {
      DtlsSrtpKeys[] pair = result.get(20, TimeUnit.SECONDS);
      assertSameKeys(pair[0], pair[1]);
      distinctKeys.add(HexFormat.of().formatHex(pair[0].clientWriteKey()));
    }
    assertThat(distinctKeys).hasSize(connections);
  }

  @Test
  void closeBeforeStartMakesStartANoOp() {
    DtlsServerSession session = newSession(SERVER_PREFERENCE, clientCertificate.fingerprint());

    session.close();
    session.start();

    assertThat(session.isConnected()).isFalse();
    assertThat(listener.events).isEmpty();
  }

  @Test
  void rejectsUnknownProfilesAlgorithmsAndTimeouts() {
    assertThatThrownBy(() -> newSession(new int[] {0x0005}, "AA"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> newSession(new int[0], "AA"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new DtlsServerSession(
                    serverCertificate,
                    "md5",
                    "AA",
                    pipe.serverSender(),
                    listener,
                    executor,
                    SERVER_PREFERENCE,
                    1000))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new DtlsServerSession(
                    serverCertificate,
                    "sha-256",
                    "AA",
                    pipe.serverSender(),
                    listener,
                    executor,
                    SERVER_PREFERENCE,
                    0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
