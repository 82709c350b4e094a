package dev.podium.loadkit;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared machinery of many {@link LightPeer}s in one JVM, so that hundreds of them cost a
 * handful of threads:
 *
 * <ul>
 *   <li>one receive loop: a {@link Selector} over every peer's non-blocking UDP channel; it
 *       demultiplexes each datagram by its first byte (RFC 7983 §7: STUN 0-3, DTLS 20-63, RTP/RTCP
 *       128-191), answers ICE on the spot, decrypts SRTP/SRTCP and counts — all SRTP state lives on
 *       this thread, so there are no locks per packet;
 *   <li>one timer thread for the ICE checks and consent refreshes (RFC 8445 §7.2.2, RFC 7675 §5.1);
 *   <li>a small pool running the blocking bctls DTLS client handshakes (default 4 threads; more
 *       only queue on two cores);
 *   <li>one P-256 client certificate, generated once and shared by all peers.
 * </ul>
 *
 * Close the engine to close every peer it made. All threads are daemons.
 */
public final class LightPeerEngine implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LightPeerEngine.class);

  /** Default number of concurrent DTLS handshakes. */
  public static final int DEFAULT_HANDSHAKE_THREADS = 4;

  private static final int RECEIVE_BUFFER = 2048;
  private static final long SELECT_TIMEOUT_MILLIS = 200;

  private final Selector selector;
  private final Thread loop;
  private final ScheduledExecutorService timer;
  private final ExecutorService handshakes;
  private final ClientCertificate certificate;
  private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final Set<LightPeer> peers = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  private LightPeerEngine(int handshakeThreads) throws IOException {
    this.selector = Selector.open();
    this.certificate = ClientCertificate.generate();
    this.timer = Executors.newSingleThreadScheduledExecutor(daemons("light-peer-timer"));
    this.handshakes = Executors.newFixedThreadPool(handshakeThreads, daemons("light-peer-dtls"));
    this.loop = new Thread(this::run, "light-peer-loop");
    this.loop.setDaemon(true);
    this.loop.start();
  }

  /** Starts an engine with {@link #DEFAULT_HANDSHAKE_THREADS} handshake threads. */
  public static LightPeerEngine start() {
    return start(DEFAULT_HANDSHAKE_THREADS);
  }

  /** Starts an engine that runs at most {@code handshakeThreads} DTLS handshakes at once. */
  public static LightPeerEngine start(int handshakeThreads) {
    if (handshakeThreads < 1) {
      throw new IllegalArgumentException("handshakeThreads must be at least 1");
    }
    try {
      return new LightPeerEngine(handshakeThreads);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open a selector", e);
    }
  }

  /**
   * A new peer with one receive-only audio m-line and {@code videoSlots} receive-only video
   * m-lines, bound to an ephemeral UDP port on 127.0.0.1.
   */
  public LightPeer newPeer(int videoSlots) {
    if (closed) {
      throw new IllegalStateException("engine closed");
    }
    LightPeer peer = new LightPeer(this, videoSlots);
    peers.add(peer);
    return peer;
  }

  /** Peers made by this engine and not yet closed. */
  public int peerCount() {
    return peers.size();
  }

  /** Closes every peer, then stops the threads. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    for (LightPeer peer : peers) {
      peer.close();
    }
    closed = true;
    selector.wakeup();
    timer.shutdownNow();
    handshakes.shutdownNow();
    try {
      loop.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      selector.close();
    } catch (IOException e) {
      LOG.debug("closing the selector failed", e);
    }
  }

  ClientCertificate certificate() {
    return certificate;
  }

  ScheduledExecutorService timer() {
    return timer;
  }

  ExecutorService handshakes() {
    return handshakes;
  }

  /** Runs {@code task} on the receive loop. */
  void execute(Runnable task) {
    tasks.add(task);
    selector.wakeup();
  }

  /** Starts reading {@code channel} (connected, non-blocking) for {@code peer}. */
  void register(LightPeer peer, DatagramChannel channel) {
    execute(
        () -> {
          try {
            channel.register(selector, SelectionKey.OP_READ, peer);
          } catch (ClosedChannelException e) {
            LOG.debug("peer closed before it was registered");
          }
        });
  }

  void forget(LightPeer peer) {
    peers.remove(peer);
  }

  private void run() {
    byte[] array = new byte[RECEIVE_BUFFER];
    ByteBuffer nio = ByteBuffer.wrap(array);
    ByteBuf buf = Unpooled.wrappedBuffer(array);
    while (!closed) {
      try {
        selector.select(SELECT_TIMEOUT_MILLIS);
      } catch (IOException | RuntimeException e) {
        if (closed) {
          return;
        }
        LOG.warn("select failed", e);
        continue;
      }
      Runnable task;
      while ((task = tasks.poll()) != null) {
        runSafely(task);
      }
      Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
      while (keys.hasNext()) {
        SelectionKey key = keys.next();
        keys.remove();
        LightPeer peer = (LightPeer) key.attachment();
        DatagramChannel channel = (DatagramChannel) key.channel();
        // Drain what is queued on this socket, but bounded so that one busy peer cannot starve
        // the others.
        for (int i = 0; i < 64 && key.isValid(); i++) {
          int length;
          try {
            nio.clear();
            length = channel.read(nio);
          } catch (IOException | RuntimeException e) {
            // e.g. ICMP port unreachable after the server closed: not fatal for the loop.
            peer.countDrop();
            break;
          }
          if (length <= 0) {
            break;
          }
          buf.setIndex(0, length);
          peer.onDatagram(array, length, buf);
        }
      }
    }
  }

  private static void runSafely(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      LOG.warn("light peer task failed", e);
    }
  }

  private static ThreadFactory daemons(String name) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
