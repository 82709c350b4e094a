package dev.podium.media.dtls;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.DatagramTransport;

/**
 * Runs in-memory DTLS-SRTP handshakes between a {@link DtlsServerSession} and a {@link
 * DtlsWarmUpClient}, so that class loading, the JIT and the crypto providers' lazy set-up happen at
 * start-up rather than during the first real client's handshake.
 */
final class DtlsWarmUp {

  private static final int TIMEOUT_MILLIS = 10_000;

  private DtlsWarmUp() {}

  static void run(DtlsCertificate certificate, int handshakes) {
    ExecutorService worker =
        Executors.newSingleThreadExecutor(
            task -> {
              Thread thread = new Thread(task, "dtls-warm-up");
              thread.setDaemon(true);
              return thread;
            });
    try {
      for (int i = 0; i < handshakes; i++) {
        handshakeOnce(certificate, worker);
      }
    } finally {
      worker.shutdownNow();
    }
  }

  private static void handshakeOnce(DtlsCertificate certificate, ExecutorService worker) {
    LinkedBlockingQueue<byte[]> toClient = new LinkedBlockingQueue<>();
    CompletableFuture<DtlsSrtpKeys> connected = new CompletableFuture<>();
    DtlsServerSession session =
        new DtlsServerSession(
            certificate,
            certificate.fingerprintAlgorithm(),
            certificate.fingerprint(),
            (data, offset, length) ->
                toClient.offer(Arrays.copyOfRange(data, offset, offset + length)),
            new DtlsListener() {
              @Override
              public void onDtlsConnected(DtlsSrtpKeys keys) {
                connected.complete(keys);
              }

              @Override
              public void onDtlsFailed(String reason) {
                connected.completeExceptionally(new IllegalStateException(reason));
              }

              @Override
              public void onDtlsClosed() {}
            },
            worker,
            new int[] {
              DtlsSrtpKeys.SRTP_AEAD_AES_128_GCM, DtlsSrtpKeys.SRTP_AES128_CM_HMAC_SHA1_80
            },
            TIMEOUT_MILLIS);
    try {
      session.start();
      DTLSTransport client =
          new DTLSClientProtocol()
              .connect(new DtlsWarmUpClient(certificate), new PipeToSession(toClient, session));
      connected.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
      client.close();
    } catch (IOException | ExecutionException | TimeoutException e) {
      throw new IllegalStateException("DTLS warm-up handshake failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("DTLS warm-up interrupted", e);
    } finally {
      session.close();
    }
  }

  /** The client's side of the in-memory pipe. */
  private record PipeToSession(LinkedBlockingQueue<byte[]> inbound, DtlsServerSession session)
      implements DatagramTransport {

    @Override
    public int getReceiveLimit() {
      return QueueDatagramTransport.RECEIVE_LIMIT;
    }

    @Override
    public int getSendLimit() {
      return QueueDatagramTransport.SEND_LIMIT;
    }

    @Override
    public int receive(byte[] buf, int off, int len, int waitMillis) throws IOException {
      try {
        byte[] datagram =
            waitMillis == 0 ? inbound.take() : inbound.poll(waitMillis, TimeUnit.MILLISECONDS);
        if (datagram == null) {
          return -1;
        }
        int length = Math.min(len, datagram.length);
        System.arraycopy(datagram, 0, buf, off, length);
        return length;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("warm-up interrupted");
      }
    }

    @Override
    public void send(byte[] buf, int off, int len) {
      session.onDatagram(buf, off, len);
    }

    @Override
    public void close() {}
  }
}
