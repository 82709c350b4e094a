package dev.podium.media.routing;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;

/**
 * The media of one meeting: its {@link Producer}s and the {@link Consumer}s attached to them. It
 * knows nothing of meetings or attendees, only owners (connection ids). All mutation happens on the
 * media event loop; the producer map may be read from any thread.
 */
public final class Router implements AutoCloseable {
  private final String id;
  private final LongSupplier clockMillis;
  private final java.util.concurrent.Executor loop;
  private final Map<String, Producer> producers = new ConcurrentHashMap<>();
  private final List<RouterListener> listeners = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  /** A router whose control calls run on the calling thread (benchmarks, single-thread use). */
  public Router(String id, LongSupplier clockMillis) {
    this(id, clockMillis, Runnable::run);
  }

  /**
   * @param loop the media event loop all of this router's work runs on
   */
  public Router(String id, LongSupplier clockMillis, java.util.concurrent.Executor loop) {
    this.id = id;
    this.clockMillis = clockMillis;
    this.loop = loop;
  }

  /** Runs {@code task} on the router's event loop (control calls from other threads hop here). */
  public void execute(Runnable task) {
    loop.execute(task);
  }

  public String id() {
    return id;
  }

  public LongSupplier clock() {
    return clockMillis;
  }

  public void addListener(RouterListener listener) {
    listeners.add(listener);
  }

  public void removeListener(RouterListener listener) {
    listeners.remove(listener);
  }

  public Producer producer(String producerId) {
    return producers.get(producerId);
  }

  public Collection<Producer> producers() {
    return List.copyOf(producers.values());
  }

  public boolean isClosed() {
    return closed;
  }

  /**
   * Adds a source published by {@code ownerId}. Its id is {@code ownerId/mid}, stable across
   * renegotiations of the same m-line.
   */
  public Producer createProducer(
      MediaKind kind, String ownerId, String mid, List<String> rids, RtpSink publisher) {
    String producerId = ownerId + "/" + mid;
    return add(new Producer(this, producerId, kind, ownerId, rids, publisher, clockMillis));
  }

  /**
   * Mirrors {@code source} (a producer of another router) into this router under {@code id}: media
   * replication. The source hands each packet once to the pipe, which fans it out to this router's
   * consumers; their keyframe requests go back up the pipe. Closing either the source or the pipe
   * detaches it.
   */
  public Producer pipeFrom(Producer source, String id) {
    if (source.router() == this) {
      throw new IllegalArgumentException("cannot pipe a producer into its own router");
    }
    Producer pipe =
        new Producer(
            this, id, source.kind(), source.ownerId(), source.rids(), NO_PUBLISHER, clockMillis);
    pipe.setCodec(source.codec());
    source.pipeTo(pipe);
    return add(pipe);
  }

  private Producer add(Producer producer) {
    Producer previous = producers.putIfAbsent(producer.id(), producer);
    if (previous != null) {
      throw new IllegalStateException("producer " + producer.id() + " exists");
    }
    for (RouterListener listener : listeners) {
      listener.onProducerAdded(producer);
    }
    return producer;
  }

  /** A pipe producer has no publisher connection; feedback goes up the pipe instead. */
  private static final RtpSink NO_PUBLISHER =
      new RtpSink() {
        @Override
        public boolean isReady() {
          return false;
        }

        @Override
        public void sendRtp(io.netty.buffer.ByteBuf rtp) {
          rtp.release();
        }

        @Override
        public void sendRtcp(io.netty.buffer.ByteBuf rtcp) {
          rtcp.release();
        }

        @Override
        public io.netty.buffer.ByteBufAllocator allocator() {
          return io.netty.buffer.ByteBufAllocator.DEFAULT;
        }
      };

  /** Removes and closes a source; its consumers close with it. */
  public void closeProducer(Producer producer) {
    if (producers.remove(producer.id(), producer)) {
      producer.close();
      for (RouterListener listener : listeners) {
        listener.onProducerRemoved(producer);
      }
    }
  }

  /**
   * Subscribes {@code subscriber} to {@code producer}.
   *
   * @param ssrc the SSRC the subscriber was told in its SDP answer
   * @param payloadType the payload type the subscriber negotiated for the producer's codec
   * @param layer the simulcast layer to forward (clamped to the producer's layers)
   * @param onClosed run once when the consumer closes, whichever side closes it
   */
  public Consumer createConsumer(
      String consumerId,
      Producer producer,
      RtpSink subscriber,
      long ssrc,
      int payloadType,
      int layer,
      Runnable onClosed) {
    Consumer consumer =
        new Consumer(consumerId, producer, subscriber, ssrc, payloadType, layer, onClosed);
    producer.addConsumer(consumer);
    consumer.requestKeyFrame();
    return consumer;
  }

  /** Closes every producer (and so every consumer), on the event loop. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    loop.execute(
        () -> {
          for (Producer producer : List.copyOf(producers.values())) {
            closeProducer(producer);
          }
          listeners.clear();
        });
  }
}
