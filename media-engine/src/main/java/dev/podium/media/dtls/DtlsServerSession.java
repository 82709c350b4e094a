package dev.podium.media.dtls;

import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.DTLSServerProtocol;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsFatalAlertReceived;
import org.bouncycastle.tls.TlsTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DTLS 1.2 server of one DTLS-SRTP connection (RFC 6347, RFC 5764), fed by the demultiplexer of
 * a UDP socket shared by all connections.
 *
 * <p>Threads: {@link #onDatagram} only copies into a bounded queue. bctls' handshake is blocking,
 * so it runs on the handshake executor, holding one of its threads for at most the handshake
 * timeout. After the handshake no thread is parked: each later datagram (a retransmitted client
 * flight that bctls must answer with our last flight, close_notify, ignored SCTP data) schedules a
 * short service task on the same executor, and at most one such task runs at a time. So a small
 * bounded pool serves many connections. {@link #close()} sends close_notify on the caller's thread
 * unless a service task is running, which then sends it.
 */
public final class DtlsServerSession implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DtlsServerSession.class);

  /** Wait bctls is told to use when servicing; the queue never makes it wait once connected. */
  private static final int SERVICE_WAIT_MILLIS = 1000;

  private enum State {
    NEW,
    HANDSHAKING,
    CONNECTED,
    ENDED
  }

  private final DtlsSrtpTlsServer server;
  private final QueueDatagramTransport transport;
  private final DtlsListener listener;
  private final Executor executor;
  private final int handshakeTimeoutMillis;
  private final AtomicReference<State> state = new AtomicReference<>(State.NEW);

  /** Held by whoever may touch {@link #dtls}: the handshake worker, then one service task. */
  private final AtomicBoolean servicing = new AtomicBoolean();

  private final AtomicBoolean closeCalled = new AtomicBoolean();
  private final LongAdder applicationRecordsIgnored = new LongAdder();
  private final byte[] serviceBuffer = new byte[QueueDatagramTransport.RECEIVE_LIMIT];
  private volatile DTLSTransport dtls;

  /**
   * Creates the session; nothing happens until {@link #start()}.
   *
   * @param certificate this server's certificate, shared by all sessions
   * @param expectedFingerprintAlgorithm the hash function of the remote SDP a=fingerprint
   * @param expectedFingerprint the remote SDP a=fingerprint value ("AB:CD:...", any case)
   * @param sender sends to the connection's selected remote address
   * @param listener receives the outcome, on the handshake executor's thread
   * @param handshakeExecutor runs the blocking handshake and later service tasks
   * @param preferredUseSrtpProfiles the use_srtp ids this server accepts, most preferred first
   * @param handshakeTimeoutMillis how long the whole handshake may take, from {@link #start()}
   * @throws IllegalArgumentException for an unknown fingerprint algorithm or use_srtp profile, no
   *     profiles, or a non-positive timeout
   */
  public DtlsServerSession(
      DtlsCertificate certificate,
      String expectedFingerprintAlgorithm,
      String expectedFingerprint,
      DatagramSender sender,
      DtlsListener listener,
      Executor handshakeExecutor,
      int[] preferredUseSrtpProfiles,
      long handshakeTimeoutMillis) {
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(expectedFingerprintAlgorithm, "expectedFingerprintAlgorithm");
    Objects.requireNonNull(expectedFingerprint, "expectedFingerprint");
    Objects.requireNonNull(sender, "sender");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.executor = Objects.requireNonNull(handshakeExecutor, "handshakeExecutor");
    Objects.requireNonNull(preferredUseSrtpProfiles, "preferredUseSrtpProfiles");
    CertificateFingerprint.digestName(expectedFingerprintAlgorithm);
    if (preferredUseSrtpProfiles.length == 0) {
      throw new IllegalArgumentException("no use_srtp profile to offer");
    }
    for (int profile : preferredUseSrtpProfiles) {
      if (!SrtpProfileLengths.isSupported(profile)) {
        throw new IllegalArgumentException(
            "unsupported use_srtp profile " + SrtpProfileLengths.name(profile));
      }
    }
    if (handshakeTimeoutMillis <= 0 || handshakeTimeoutMillis > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("bad handshake timeout " + handshakeTimeoutMillis);
    }
    this.handshakeTimeoutMillis = (int) handshakeTimeoutMillis;
    this.transport = new QueueDatagramTransport(sender);
    this.server =
        new DtlsSrtpTlsServer(
            certificate,
            expectedFingerprintAlgorithm,
            expectedFingerprint,
            preferredUseSrtpProfiles,
            this.handshakeTimeoutMillis);
  }

  /**
   * Starts the handshake worker (bctls' {@code DTLSServerProtocol.accept} is blocking). Datagrams
   * that arrived before are kept. Does nothing after {@link #close()}.
   *
   * @throws IllegalStateException if already started
   */
  public void start() {
    if (!state.compareAndSet(State.NEW, State.HANDSHAKING)) {
      if (state.get() == State.ENDED) {
        return;
      }
      throw new IllegalStateException("DTLS session already started");
    }
    servicing.set(true);
    try {
      executor.execute(this::handshake);
    } catch (RejectedExecutionException e) {
      servicing.set(false);
      fail("handshake executor rejected the session");
    }
  }

  /**
   * Hands over one DTLS datagram of this connection (RFC 7983 first byte 20..63); called from the
   * network event loop. Copies it into a bounded queue and never blocks: when the queue is full, or
   * the datagram cannot be DTLS records ({@link DtlsRecordFilter}), it is dropped and counted.
   */
  public void onDatagram(byte[] data, int offset, int length) {
    if (state.get() == State.ENDED || !transport.offer(data, offset, length)) {
      return;
    }
    if (state.get() == State.CONNECTED && servicing.compareAndSet(false, true)) {
      scheduleService();
    }
  }

  /** True between a successful handshake and close_notify, a fatal error or {@link #close()}. */
  public boolean isConnected() {
    return state.get() == State.CONNECTED && !closeCalled.get();
  }

  /** Datagrams dropped because the queue was full or they were too short or long for DTLS. */
  public long droppedDatagramCount() {
    return transport.droppedQueueFull() + transport.droppedMalformed();
  }

  /** Application data records received after the handshake (SCTP), which this server ignores. */
  public long ignoredApplicationRecordCount() {
    return applicationRecordsIgnored.sum();
  }

  /**
   * Sends close_notify if connected and stops the worker; idempotent. Calls no listener method.
   * During the handshake it unblocks the worker, which then quits without sending an alert.
   */
  @Override
  public void close() {
    if (!closeCalled.compareAndSet(false, true)) {
      return;
    }
    while (true) {
      State current = state.get();
      switch (current) {
        case NEW:
          if (!state.compareAndSet(State.NEW, State.ENDED)) {
            continue; // start() raced us
          }
          transport.clear();
          return;
        case HANDSHAKING:
          transport.closeLocally();
          return;
        case CONNECTED:
          if (servicing.compareAndSet(false, true)) {
            serviceLoop(); // sees closeCalled: sends close_notify here and now
          }
          return; // otherwise the running service task sees closeCalled before it stops
        default:
          return;
      }
    }
  }

  private void handshake() {
    long startedNanos = System.nanoTime();
    DTLSTransport established;
    try {
      established = new DTLSServerProtocol().accept(server, transport);
    } catch (IOException | RuntimeException e) {
      servicing.set(false);
      transport.clear();
      if (closeCalled.get()) {
        state.set(State.ENDED);
      } else {
        fail(describeHandshakeFailure(e));
      }
      return;
    }
    DtlsSrtpKeys keys = server.keys();
    if (keys == null) {
      closeQuietly(established);
      servicing.set(false);
      fail("SRTP keys were not exported");
      return;
    }
    dtls = established;
    transport.stopBlocking();
    if (state.compareAndSet(State.HANDSHAKING, State.CONNECTED)) {
      if (LOG.isDebugEnabled()) {
        LOG.debug(
            "DTLS connected in {} ms: {}, {}",
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos),
            server.cipherSuiteName(),
            SrtpProfileLengths.name(keys.useSrtpProfile()));
      }
      if (!closeCalled.get()) {
        notifyListener(() -> listener.onDtlsConnected(keys));
      }
    }
    serviceLoop();
  }

  private void scheduleService() {
    try {
      executor.execute(this::serviceLoop);
    } catch (RejectedExecutionException e) {
      servicing.set(false);
      LOG.debug("DTLS service task rejected; queued datagrams wait for the next one");
    }
  }

  /** Runs while holding {@link #servicing}; releases it and re-checks for work that raced in. */
  private void serviceLoop() {
    do {
      serviceOnce();
      servicing.set(false);
    } while ((transport.hasQueued() || closeCalled.get())
        && state.get() == State.CONNECTED
        && servicing.compareAndSet(false, true));
  }

  private void serviceOnce() {
    if (state.get() != State.CONNECTED) {
      transport.clear();
      return;
    }
    if (closeCalled.get()) {
      state.set(State.ENDED);
      closeQuietly(dtls); // sends close_notify (RFC 5246 §7.2.1)
      transport.clear();
      return;
    }
    try {
      while (true) {
        int received = dtls.receive(serviceBuffer, 0, serviceBuffer.length, SERVICE_WAIT_MILLIS);
        if (received >= 0) {
          applicationRecordsIgnored.increment(); // SCTP: this server offers no data channels
        }
      }
    } catch (QueueDatagramTransport.Drained e) {
      if (server.closeNotifyReceived()) {
        end("peer sent close_notify");
      }
    } catch (IOException | RuntimeException e) {
      end("connection failed: " + describeConnectedFailure(e));
    }
  }

  private void fail(String reason) {
    if (state.compareAndSet(State.HANDSHAKING, State.ENDED)) {
      LOG.debug("DTLS handshake failed: {}", reason);
      notifyListener(() -> listener.onDtlsFailed(reason));
    }
  }

  private void end(String reason) {
    if (state.compareAndSet(State.CONNECTED, State.ENDED)) {
      transport.clear();
      LOG.debug("DTLS connection ended: {}", reason);
      if (!closeCalled.get()) {
        notifyListener(listener::onDtlsClosed);
      }
    }
  }

  private String describeHandshakeFailure(Throwable e) {
    String policyReason = server.failureReason();
    if (policyReason != null) {
      return policyReason;
    }
    if (e instanceof TlsTimeoutException) {
      return "handshake timed out after " + handshakeTimeoutMillis + " ms";
    }
    return "handshake failed: " + describeConnectedFailure(e);
  }

  private static String describeConnectedFailure(Throwable e) {
    if (e instanceof TlsFatalAlertReceived received) {
      return "peer sent fatal alert " + AlertDescription.getText(received.getAlertDescription());
    }
    if (e instanceof TlsFatalAlert raised) {
      return "fatal alert " + AlertDescription.getText(raised.getAlertDescription());
    }
    return e.toString();
  }

  private void notifyListener(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      LOG.warn("DTLS listener failed", e);
    }
  }

  private static void closeQuietly(DTLSTransport transport) {
    try {
      transport.close();
    } catch (IOException | RuntimeException e) {
      LOG.debug("DTLS close failed", e);
    }
  }
}
