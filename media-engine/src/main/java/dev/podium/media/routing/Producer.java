package dev.podium.media.routing;

import dev.podium.media.feedback.RtpPacketCache;
import dev.podium.media.rtcp.FullIntraRequest;
import dev.podium.media.rtcp.PictureLossIndication;
import dev.podium.media.rtcp.RtcpCompound;
import dev.podium.media.rtp.RtpPacket;
import dev.podium.media.video.H264KeyFrames;
import dev.podium.media.video.VideoCodec;
import dev.podium.media.video.Vp8PayloadDescriptor;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * One media source published into a {@link Router}: an attendee's microphone or camera, with one
 * layer or several simulcast layers (RFC 8853). It fans packets out to its {@link Consumer}s and
 * carries their keyframe requests back to the publisher. Event-loop confined.
 *
 * <p>Per layer it tracks what consumers need to pick one: whether the layer is flowing (libwebrtc
 * stops sending upper layers when its bandwidth estimate is low), its bit rate, its resolution
 * (from VP8 keyframe headers), and a cache of recent packets to answer subscribers' NACKs.
 */
public final class Producer {
  /** Do not ask the publisher for a keyframe of the same layer more often than this. */
  static final long KEY_FRAME_REQUEST_INTERVAL_MILLIS = 300;

  /** After this many PLIs without a keyframe, ask with a FIR (RFC 5104 §4.3.1) instead. */
  static final int PLIS_BEFORE_FIR = 3;

  /** A layer without a media packet for this long is not flowing. */
  static final long LAYER_INACTIVE_AFTER_MILLIS = 700;

  /** Sender SSRC of feedback we originate (RFC 4585 allows any; receivers ignore it). */
  private static final long FEEDBACK_SSRC = 1;

  private final String id;
  private final MediaKind kind;
  private final String ownerId;
  private final List<String> rids;
  private final RtpSink publisher;
  private final LongSupplier clockMillis;
  private final Router router;
  private final long[] layerSsrcs;
  private final long[] lastKeyFrameRequestMillis;
  private final int[] unansweredKeyFrameRequests;
  private final int[] firSequence;
  private final long[] lastMediaMillis;
  private final int[] layerWidth;
  private final int[] layerHeight;
  private final BitrateMeter[] bitrates;
  private final RtpPacketCache[] caches;
  private final PacketMeta meta = new PacketMeta();
  private final Vp8PayloadDescriptor vp8 = new Vp8PayloadDescriptor();
  private VideoCodec codec = VideoCodec.OTHER;
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
    this.unansweredKeyFrameRequests = new int[layers];
    this.firSequence = new int[layers];
    this.lastMediaMillis = new long[layers];
    Arrays.fill(lastMediaMillis, Long.MIN_VALUE / 2);
    this.layerWidth = new int[layers];
    this.layerHeight = new int[layers];
    this.bitrates = new BitrateMeter[layers];
    this.caches = new RtpPacketCache[layers];
    for (int i = 0; i < layers; i++) {
      bitrates[i] = new BitrateMeter();
    }
  }

  /**
   * Sets the codec, which decides where consumers may switch layers (keyframes) and what they
   * rewrite. {@link VideoCodec#OTHER} (the default, and audio) makes every packet a switch point.
   */
  public void setCodec(VideoCodec codec) {
    this.codec = codec;
  }

  public VideoCodec codec() {
    return codec;
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

  /** The SSRC the publisher sends {@code layer} under, 0 when not known yet. */
  public long layerSsrc(int layer) {
    return layerSsrcs[layer];
  }

  /**
   * Whether a media packet of {@code layer} arrived in the last {@link
   * #LAYER_INACTIVE_AFTER_MILLIS}.
   */
  public boolean isLayerActive(int layer, long nowMillis) {
    return layer >= 0
        && layer < layerSsrcs.length
        && nowMillis - lastMediaMillis[layer] <= LAYER_INACTIVE_AFTER_MILLIS;
  }

  /** The measured bit rate of {@code layer}, 0 when unknown or silent. */
  public long layerBitrate(int layer, long nowMillis) {
    return bitrates[layer].bps(nowMillis);
  }

  /** Width of {@code layer} from its last VP8 keyframe, 0 when unknown. */
  public int layerWidth(int layer) {
    return layerWidth[layer];
  }

  /** Height of {@code layer} from its last VP8 keyframe, 0 when unknown. */
  public int layerHeight(int layer) {
    return layerHeight[layer];
  }

  /**
   * A packet of {@code layer} from the retransmission cache (read it before the next packet
   * arrives), or null. Pipe producers read their origin's cache.
   */
  ByteBuf cachedPacket(int layer, int sequenceNumber) {
    if (upstream != null) {
      return upstream.cachedPacket(layer, sequenceNumber);
    }
    RtpPacketCache cache = caches[layer];
    return cache == null ? null : cache.get(sequenceNumber, clockMillis.getAsLong());
  }

  /** Forwards one packet of {@code layer} to every consumer. */
  public void onRtp(int layer, RtpPacket packet) {
    if (closed || layer < 0 || layer >= layerSsrcs.length) {
      return;
    }
    long now = clockMillis.getAsLong();
    inspect(layer, packet, now);
    for (int i = 0; i < consumers.size(); i++) {
      consumers.get(i).onRtp(layer, packet, meta, now);
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

  /** Works out once per packet what every consumer needs, and keeps the layer's statistics. */
  private void inspect(int layer, RtpPacket packet, long now) {
    int payloadLength = packet.payloadLength();
    meta.vp8 = null;
    meta.switchPoint = false;
    if (payloadLength == 0) {
      return; // padding only (bandwidth probe): not media
    }
    lastMediaMillis[layer] = now;
    bitrates[layer].add(packet.length(), now);
    if (kind != MediaKind.VIDEO) {
      meta.switchPoint = true;
      return;
    }
    int payload = packet.payloadOffset();
    switch (codec) {
      case VP8 -> {
        if (vp8.parse(packet.buffer(), payload, payloadLength)) {
          meta.vp8 = vp8;
          meta.switchPoint = vp8.isKeyFrameStart();
          if (vp8.width() > 0) {
            layerWidth[layer] = vp8.width();
            layerHeight[layer] = vp8.height();
          }
        }
      }
      case H264 ->
          meta.switchPoint = H264KeyFrames.isKeyFrameStart(packet.buffer(), payload, payloadLength);
      default -> meta.switchPoint = true;
    }
    if (meta.switchPoint) {
      unansweredKeyFrameRequests[layer] = 0;
    }
    if (upstream == null && codec != VideoCodec.OTHER) {
      RtpPacketCache cache = caches[layer];
      if (cache == null) {
        cache = caches[layer] = new RtpPacketCache();
      }
      cache.store(packet.sequenceNumber(), packet.buffer(), packet.offset(), packet.length(), now);
    }
  }

  /**
   * Asks the publisher for a keyframe of {@code layer} with a PLI (RFC 4585 §6.3.1), at most once
   * per {@link #KEY_FRAME_REQUEST_INTERVAL_MILLIS}; after {@link #PLIS_BEFORE_FIR} unanswered PLIs
   * with a FIR (RFC 5104 §4.3.1). Ignored for audio and for layers whose SSRC is not known yet (the
   * request is repeated when the consumer retries).
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
    int unanswered = unansweredKeyFrameRequests[layer]++;
    if (unanswered >= PLIS_BEFORE_FIR && unanswered % 2 == 1) {
      publisher.sendRtcp(
          RtcpCompound.write(
              List.of(FullIntraRequest.of(FEEDBACK_SSRC, ssrc, firSequence[layer]++ & 0xFF)),
              publisher.allocator()));
      return;
    }
    publisher.sendRtcp(
        RtcpCompound.write(
            List.of(new PictureLossIndication(FEEDBACK_SSRC, ssrc)), publisher.allocator()));
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
