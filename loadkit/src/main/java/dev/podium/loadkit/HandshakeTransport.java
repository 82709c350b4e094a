package dev.podium.loadkit;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.tls.DatagramTransport;

/**
 * The {@link DatagramTransport} a light peer's DTLS client runs over: the engine's receive loop
 * offers DTLS datagrams (RFC 7983 first byte 20-63) into a bounded queue that the handshake thread
 * drains, and sends go straight out of the peer's connected channel.
 */
final class HandshakeTransport implements DatagramTransport {

  /** Largest datagram accepted. */
  static final int RECEIVE_LIMIT = 1500;

  /** Largest datagram bctls may send; it fragments handshake messages to fit (RFC 6347 §4.1.1). */
  static final int SEND_LIMIT = 1200;

  private static final int QUEUE_CAPACITY = 64;

  private final ArrayBlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
  private final DatagramChannel channel;
  private volatile boolean closed;

  HandshakeTransport(DatagramChannel channel) {
    this.channel = channel;
  }

  /** Copies one datagram into the queue; drops it when the queue is full (bctls resends). */
  boolean offer(byte[] data, int offset, int length) {
    if (closed || length > RECEIVE_LIMIT) {
      return false;
    }
    byte[] copy = new byte[length];
    System.arraycopy(data, offset, copy, 0, length);
    return queue.offer(copy);
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
    if (closed) {
      throw new InterruptedIOException("light peer closed");
    }
    byte[] datagram;
    try {
      datagram = queue.poll(waitMillis <= 0 ? 1000 : waitMillis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("DTLS handshake interrupted");
    }
    if (datagram == null) {
      return -1;
    }
    int length = Math.min(len, datagram.length);
    System.arraycopy(datagram, 0, buf, off, length);
    return length;
  }

  @Override
  public void send(byte[] buf, int off, int len) throws IOException {
    if (!closed) {
      channel.write(ByteBuffer.wrap(buf, off, len));
    }
  }

  @Override
  public void close() {
    closed = true;
    queue.clear();
  }
}
