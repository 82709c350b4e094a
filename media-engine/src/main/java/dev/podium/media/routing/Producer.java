package dev.podium.media.routing;

import dev.podium.media.rtcp.PictureLossIndication;
import dev.podium.media.rtcp.RtcpCompound;
import dev.podium.media.rtp.RtpPacket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * One media source published into a {@link Router}: an attendee's microphone or camera, with one
 * layer or several simulcast layers (RFC 8853). It fans packets out to its {@link Consumer}s and
 * carries their keyframe requests back to the publisher. Event-loop confined.
 */
public final class Producer {
  /** Do not ask the publisher for a keyframe of the same layer more often than this. */
  static final long KEY_FRAME_REQUEST_INTERVAL_MILLIS = 300;

  private final String id;
  private final MediaKind kind;
  private final String ownerId;
  private final List<String> rids;
  private final RtpSink publisher;
  private final LongSupplier clockMillis;
  private final Router router;
  private final long[] layerSsrcs;
  private final long[] lastKeyFrameRequestMillis;
  private final List<Consumer> consumers = new ArrayList<>();
  private final List<Producer> pipes = new ArrayList<>();
  private final List<RtpTap> taps = new ArrayList<>();

  /** For a pipe producer: the producer in another router it mirrors; null for a publisher's. */
  private Producer upstream;

  private boolean closed;

  Producer(
      Router router,
      String id,
      MediaKind kind,
      String ownerId,
      List<String> rids,
      RtpSink publisher,
      LongSupplier clockMillis) {
    this.router = router;
    this.id = id;
    this.kind = kind;
    this.ownerId = ownerId;
    this.rids = List.copyOf(rids);
    this.publisher = publisher;
    this.clockMillis = clockMillis;
    int layers = Math.max(1, rids.size());
    this.layerSsrcs = new long[layers];
    this.lastKeyFrameRequestMillis = new long[layers];
    Arrays.fill(lastKeyFrameRequestMillis, Long.MIN_VALUE / 2);
  }

  public String id() {
    return id;
  }

  /** The router this producer belongs to. */
  public Router router() {
    return router;
  }

  public MediaKind kind() {
    return kind;
  }

  /** The id of the session (attendee connection) that publishes this source. */
  public String ownerId() {
    return ownerId;
  }

  /** Simulcast rids in the order the publisher offered them; empty for a single layer. */
  public List<String> rids() {
    return rids;
  }

  public int layerCount() {
    return layerSsrcs.length;
  }

  public boolean isClosed() {
    return closed;
  }

  public List<Consumer> consumers() {
    return List.copyOf(consumers);
  }

  /** The producer this one mirrors from another router, or null if it is a publisher's own. */
  public Producer upstream() {
    return upstream;
  }

  /** The publisher's own producer at the end of the pipe chain (this one if not a pipe). */
  public Producer origin() {
    Producer p = this;
    while (p.upstream != null) {
      p = p.upstream;
    }
    return p;
  }

  /** Pipe producers in other routers fed by this one (one per replica). */
  public List<Producer> pipes() {
    return List.copyOf(pipes);
  }

  void pipeTo(Producer downstream) {
    downstream.upstream = this;
    pipes.add(downstream);
  }

  void unpipe(Producer downstream) {
    pipes.remove(downstream);
  }

  /** Index of a rid in this producer's layers, or -1. */
  int layerOf(String rid) {
    return rids.indexOf(rid);
  }

  /** Binds {@code layer} to the SSRC the publisher sends it under (signalled or learned). */
  public void setLayerSsrc(int layer, long ssrc) {
    layerSsrcs[layer] = ssrc;
  }

  long layerSsrc(int layer) {
    return layerSsrcs[layer];
  }

  /** Forwards one packet of {@code layer} to every consumer. */
  public void onRtp(int layer, RtpPacket packet) {
    if (closed) {
      return;
    }
    for (int i = 0; i < consumers.size(); i++) {
      consumers.get(i).onRtp(layer, packet);
    }
    // Replication: one hand-off per replica router, which fans out to its own consumers.
    for (int i = 0; i < pipes.size(); i++) {
      pipes.get(i).onRtp(layer, packet);
    }
    for (int i = 0; i < taps.size(); i++) {
      taps.get(i).onRtp(layer, packet);
    }
  }

  /** Adds a tap that sees every packet (event loop only). */
  public void addTap(RtpTap tap) {
    taps.add(tap);
  }

  public void removeTap(RtpTap tap) {
    taps.remove(tap);
  }

  /**
   * Asks the publisher for a keyframe of {@code layer} with a PLI (RFC 4585 §6.3.1), at most once
   * per {@link #KEY_FRAME_REQUEST_INTERVAL_MILLIS}. Ignored for audio and for layers whose SSRC is
   * not known yet (the request is repeated when the consumer retries).
   */
  public void requestKeyFrame(int layer) {
    if (closed || kind != MediaKind.VIDEO || layer < 0 || layer >= layerSsrcs.length) {
      return;
    }
    if (upstream != null) {
      upstream.requestKeyFrame(layer);
      return;
    }
    long ssrc = layerSsrcs[layer];
    long now = clockMillis.getAsLong();
    if (ssrc == 0
        || !publisher.isReady()
        || now - lastKeyFrameRequestMillis[layer] < KEY_FRAME_REQUEST_INTERVAL_MILLIS) {
      return;
    }
    lastKeyFrameRequestMillis[layer] = now;
    publisher.sendRtcp(
        RtcpCompound.write(List.of(new PictureLossIndication(1, ssrc)), publisher.allocator()));
  }

  void addConsumer(Consumer consumer) {
    consumers.add(consumer);
  }

  void removeConsumer(Consumer consumer) {
    consumers.remove(consumer);
  }

  /** Closes the producer and, through "producer closed", every consumer of it. Idempotent. */
  void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (Consumer consumer : List.copyOf(consumers)) {
      consumer.onProducerClosed();
    }
    consumers.clear();
    taps.clear();
    if (upstream != null) {
      upstream.unpipe(this);
    }
    for (Producer pipe : List.copyOf(pipes)) {
      pipe.router().closeProducer(pipe);
    }
    pipes.clear();
  }
}
