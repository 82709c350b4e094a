package dev.podium.media.dtls;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Arrays;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.bouncycastle.tls.DatagramTransport;

/**
 * An in-memory datagram link between a bctls client and a {@link DtlsServerSession}, with loss
 * injection in each direction and counters of what was sent.
 */
final class DatagramPipe {

  private final LinkedBlockingQueue<byte[]> toClient = new LinkedBlockingQueue<>();
  private final AtomicInteger serverDatagrams = new AtomicInteger();
  private final AtomicInteger clientDatagrams = new AtomicInteger();
  private volatile Predicate<byte[]> dropToClient = datagram -> false;
  private volatile Predicate<byte[]> dropToServer = datagram -> false;
  private volatile DtlsServerSession session;

  /** The server's side: what the transport would send through the shared socket. */
  DatagramSender serverSender() {
    return (data, offset, length) -> {
      byte[] datagram = Arrays.copyOfRange(data, offset, offset + length);
      serverDatagrams.incrementAndGet();
      if (!dropToClient.test(datagram)) {
        toClient.offer(datagram);
      }
    };
  }

  void connect(DtlsServerSession session) {
    this.session = session;
  }

  void dropToClient(Predicate<byte[]> rule) {
    dropToClient = rule;
  }

  void dropToServer(Predicate<byte[]> rule) {
    dropToServer = rule;
  }

  int serverDatagramCount() {
    return serverDatagrams.get();
  }

  int clientDatagramCount() {
    return clientDatagrams.get();
  }

  /** The client's side, for {@code DTLSClientProtocol.connect}. */
  DatagramTransport clientTransport() {
    return new DatagramTransport() {
      @Override
      public int getReceiveLimit() {
        return 1500;
      }

      @Override
      public int getSendLimit() {
        return 1200;
      }

      @Override
      public int receive(byte[] buf, int off, int len, int waitMillis) throws IOException {
        try {
          byte[] datagram =
              waitMillis == 0 ? toClient.take() : toClient.poll(waitMillis, TimeUnit.MILLISECONDS);
          if (datagram == null) {
            return -1;
          }
          int length = Math.min(len, datagram.length);
          System.arraycopy(datagram, 0, buf, off, length);
          return length;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException();
        }
      }

      @Override
      public void send(byte[] buf, int off, int len) {
        byte[] datagram = Arrays.copyOfRange(buf, off, off + len);
        clientDatagrams.incrementAndGet();
        if (!dropToServer.test(datagram)) {
          session.onDatagram(datagram, 0, datagram.length);
        }
      }

      @Override
      public void close() {}
    };
  }

  /** The epoch of a DTLS record (RFC 6347 §4.1). */
  static int epoch(byte[] record) {
    return ((record[3] & 0xFF) << 8) | (record[4] & 0xFF);
  }

  /** The content type of a DTLS record: 20 change_cipher_spec, 21 alert, 22 handshake, 23 data. */
  static int contentType(byte[] record) {
    return record[0] & 0xFF;
  }

  /** The handshake message type of a plaintext (epoch 0) handshake record, or -1. */
  static int handshakeType(byte[] record) {
    return contentType(record) == 22 && epoch(record) == 0 && record.length > 13
        ? record[13] & 0xFF
        : -1;
  }
}
