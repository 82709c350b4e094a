package dev.podium.media.dtls;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.bouncycastle.tls.DatagramTransport;

/**
 * The {@link DatagramTransport} bctls runs over: datagrams the demultiplexer hands to one session
 * come in through a bounded queue, and sends go to the session's {@link DatagramSender}.
 *
 * <p>It has two receive modes. While blocking (the handshake, where bctls' {@code accept} waits for
 * flights) {@code receive} waits on the queue. Once connected it is non-blocking: an empty queue
 * throws {@link Drained}, an {@link InterruptedIOException} that bctls passes up without failing
 * the connection, so the session can service late records on demand instead of parking a thread.
 */
final class QueueDatagramTransport implements DatagramTransport {

  /** Largest datagram accepted; larger ones are dropped (an MTU-sized Ethernet frame). */
  static final int RECEIVE_LIMIT = 1500;

  /** Largest datagram bctls may send: it fragments handshake messages to fit (RFC 6347 §4.1.1). */
  static final int SEND_LIMIT = 1200;

  /** Datagrams waiting for the worker; more are dropped and counted (bctls retransmits flights). */
  static final int QUEUE_CAPACITY = 64;

  private static final byte[] WAKE_UP = new byte[0];

  /** Thrown by a non-blocking receive on an empty queue. */
  static final class Drained extends InterruptedIOException {
    private static final long serialVersionUID = 1L;
    private static final Drained INSTANCE = new Drained();

    private Drained() {
      super("no more queued datagrams");
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this;
    }
  }

  /** Thrown by receive once the session is closed locally, to unwind bctls' handshake. */
  static final class ClosedLocally extends InterruptedIOException {
    private static final long serialVersionUID = 1L;

    ClosedLocally() {
      super("DTLS session closed locally");
    }
  }

  private final LinkedBlockingQueue<byte[]> queue = new LinkedBlockingQueue<>();
  private final DatagramSender sender;
  private final LongAdder droppedFull = new LongAdder();
  private final LongAdder droppedMalformed = new LongAdder();
  private volatile boolean blocking = true;
  private volatile boolean closing;

  QueueDatagramTransport(DatagramSender sender) {
    this.sender = sender;
  }

  /** Copies one datagram into the queue; never blocks; returns false when it was dropped. */
  boolean offer(byte[] data, int offset, int length) {
    if (length > RECEIVE_LIMIT || !DtlsRecordFilter.isPlausible(data, offset, length)) {
      droppedMalformed.increment();
      return false;
    }
    if (closing || queue.size() >= QUEUE_CAPACITY) {
      droppedFull.increment();
      return false;
    }
    byte[] copy = new byte[length];
    System.arraycopy(data, offset, copy, 0, length);
    queue.offer(copy);
    return true;
  }

  boolean hasQueued() {
    return !queue.isEmpty();
  }

  /** Switches to on-demand servicing after the handshake. */
  void stopBlocking() {
    blocking = false;
  }

  /** Makes every later receive throw {@link ClosedLocally} and stops sending. */
  void closeLocally() {
    closing = true;
    queue.offer(WAKE_UP);
  }

  /** Drops everything queued (after the session ended). */
  void clear() {
    queue.clear();
  }

  long droppedQueueFull() {
    return droppedFull.sum();
  }

  long droppedMalformed() {
    return droppedMalformed.sum();
  }

  @Override
  public int getReceiveLimit() {
    return RECEIVE_LIMIT;
  }

  @Override
  public int getSendLimit() {
    return SEND_LIMIT;
  }

  @Override
  public int receive(byte[] buf, int off, int len, int waitMillis) throws IOException {
    while (true) {
      if (closing) {
        throw new ClosedLocally();
      }
      byte[] datagram;
      if (blocking) {
        try {
          // bctls passes 0 for "no deadline"; the handshake timeout bounds it in practice.
          datagram = waitMillis == 0 ? queue.take() : queue.poll(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("DTLS worker interrupted");
        }
        if (datagram == null) {
          return -1; // timed out: bctls runs its retransmission timer
        }
      } else {
        datagram = queue.poll();
        if (datagram == null) {
          throw Drained.INSTANCE;
        }
      }
      if (datagram == WAKE_UP) {
        continue;
      }
      int length = Math.min(len, datagram.length);
      System.arraycopy(datagram, 0, buf, off, length);
      return length;
    }
  }

  @Override
  public void send(byte[] buf, int off, int len) throws IOException {
    if (closing) {
      return; // a local close during the handshake: no alert, the caller is tearing down
    }
    try {
      sender.send(buf, off, len);
    } catch (RuntimeException e) {
      throw new IOException("datagram sender failed", e);
    }
  }

  @Override
  public void close() {
    // bctls calls this when the record layer closes; the socket belongs to the transport.
  }
}
