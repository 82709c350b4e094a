package dev.podium.media.routing;

import dev.podium.media.feedback.RtpPacketCache;
import dev.podium.media.rtp.RtpPacket;
import dev.podium.media.rtp.SequenceNumbers;
import dev.podium.media.video.VideoCodec;
import dev.podium.media.video.Vp8PayloadDescriptor;
import io.netty.buffer.ByteBuf;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One subscription of a subscriber to a {@link Producer}: forwards one simulcast layer under the
 * consumer's own SSRC as one continuous stream, whatever the publisher does.
 *
 * <p><b>Layer choice.</b> The consumer wants the smallest layer that covers the subscriber's tile
 * ({@link #setPreferences}), capped by what the subscriber's bandwidth allocator grants, and then
 * forwards the best such layer that is actually flowing: libwebrtc stops sending upper layers when
 * its own estimate drops, and a consumer waiting for a silent layer would show nothing. It switches
 * only at a keyframe of the new layer (asking the publisher for one), so the decoder never sees a
 * frame that refers to another layer's pictures.
 *
 * <p><b>Rewriting.</b> SSRC, sequence number and timestamp (RFC 3550 §5.1), and for VP8 the picture
 * id and TL0PICIDX (RFC 7741 §4.2) are offset so each continues from the last packet sent; the
 * offsets are recomputed at each switch (timestamp: advanced by the wall time elapsed). Header
 * extensions are not forwarded: the subscriber negotiated its own ids. The only extension written
 * is transport-wide sequence numbers (its number filled in by the subscriber's connection), which
 * the subscriber's congestion feedback refers to.
 *
 * <p><b>Loss recovery.</b> Subscriber NACKs (RFC 4585 §6.2.1) are answered from the producer's
 * packet cache, rewritten as first sent, as RTX (RFC 4588 §4) when negotiated, else plainly.
 *
 * <p>Event-loop confined; the public setters hop onto the router's loop.
 */
public final class Consumer {
  /** Priority when the subscriber gave none (lower numbers are more important). */
  public static final int DEFAULT_PRIORITY = 100;

  /** Layer choice is revisited at most this often (and on every preference change). */
  static final long SELECT_INTERVAL_MILLIS = 100;

  private static final int FIXED_HEADER = 12;
  private static final int TRANSPORT_CC_BLOCK = 8;

  private final String id;
  private final Producer producer;
  private final RtpSink subscriber;
  private final long ssrc;
  private final int payloadType;
  private final Runnable onClosed;
  private final int maxLayer;
  private final ForwardedHistory history;

  private ConsumerListener listener = ConsumerListener.NONE;
  private long rtxSsrc;
  private int rtxPayloadType = -1;
  private int rtxSequence = ThreadLocalRandom.current().nextInt(1 << 16);

  private int priority = DEFAULT_PRIORITY;
  private int maxWidth;
  private int maxHeight;
  private boolean paused;
  private int allocatedLayer = Integer.MAX_VALUE;
  private boolean pausedByBandwidth;

  private int currentLayer = -1;
  private int targetLayer = -1;
  private long nextSelectMillis;

  private boolean closed;
  private boolean started;
  private int seqDelta;
  private long timestampDelta;
  private int pictureIdDelta;
  private int tl0Delta;
  private int switchInSeq;
  private int highestInSeq;
  private boolean havePaddingFloor;
  private int paddingFloor;
  private int lastOutSeq = -1;
  private long lastOutTimestamp;
  private int lastOutPictureId = -1;
  private int lastOutTl0 = -1;
  private long lastSentMillis;
  private Consumer predecessor;

  private long forwardedPackets;
  private long resentPackets;
  private int layerSwitches;
  private Vp8PayloadDescriptor resendDescriptor;
  private RtpPacket resendView;

  Consumer(
      String id,
      Producer producer,
      RtpSink subscriber,
      long ssrc,
      int payloadType,
      int targetLayer,
      Runnable onClosed) {
    this.id = id;
    this.producer = producer;
    this.subscriber = subscriber;
    this.ssrc = ssrc;
    this.payloadType = payloadType;
    this.maxLayer = Math.max(0, Math.min(targetLayer, producer.layerCount() - 1));
    this.onClosed = onClosed;
    boolean video = producer.kind() == MediaKind.VIDEO;
    this.history = video ? new ForwardedHistory() : null;
    if (!video) {
      this.targetLayer = 0;
    }
  }

  public String id() {
    return id;
  }

  public Producer producer() {
    return producer;
  }

  /** The SSRC this consumer sends under, as signalled in the subscriber's SDP answer. */
  public long ssrc() {
    return ssrc;
  }

  /** The RTX SSRC retransmissions go out under, 0 when the subscriber negotiated no RTX. */
  public long rtxSsrc() {
    return rtxSsrc;
  }

  /** The layer the consumer is heading for (it switches at that layer's next keyframe). */
  public int targetLayer() {
    return targetLayer;
  }

  /** The layer being forwarded now, -1 before the first keyframe or while paused. */
  public int currentLayer() {
    return currentLayer;
  }

  /** Paused by the subscriber ({@link #setPaused}). */
  public boolean isPaused() {
    return paused;
  }

  /** Paused by the subscriber's bandwidth allocator. */
  public boolean isPausedByBandwidth() {
    return pausedByBandwidth;
  }

  public boolean isClosed() {
    return closed;
  }

  /** Lower is more important. */
  public int priority() {
    return priority;
  }

  public int maxWidth() {
    return maxWidth;
  }

  public int maxHeight() {
    return maxHeight;
  }

  /** Packets forwarded (first sends, not resends). */
  public long forwardedPackets() {
    return forwardedPackets;
  }

  /** Packets resent in answer to NACKs. */
  public long resentPackets() {
    return resentPackets;
  }

  /** Number of times the forwarded layer changed (including the first start). */
  public int layerSwitches() {
    return layerSwitches;
  }

  public void setListener(ConsumerListener listener) {
    this.listener = listener == null ? ConsumerListener.NONE : listener;
  }

  /**
   * Sends retransmissions as RTX (RFC 4588) under {@code rtxSsrc} with {@code rtxPayloadType};
   * without this call they are resent plainly.
   */
  public void enableRtx(long rtxSsrc, int rtxPayloadType) {
    if (rtxSsrc != 0 && rtxPayloadType >= 0) {
      this.rtxSsrc = rtxSsrc;
      this.rtxPayloadType = rtxPayloadType;
    }
  }

  /**
   * What the subscriber asks for: {@code priority} (lower is more important; used by the bandwidth
   * allocator) and the rendered tile size (the smallest layer whose resolution covers it is chosen;
   * 0 for no limit).
   */
  public void setPreferences(int priority, int maxWidth, int maxHeight) {
    producer
        .router()
        .execute(
            () -> {
              this.priority = priority;
              this.maxWidth = Math.max(0, maxWidth);
              this.maxHeight = Math.max(0, maxHeight);
              nextSelectMillis = 0;
            });
  }

  /** The subscriber pauses (true) or resumes the stream; resuming waits for a keyframe. */
  public void setPaused(boolean paused) {
    producer
        .router()
        .execute(
            () -> {
              if (this.paused == paused) {
                return;
              }
              this.paused = paused;
              if (!paused) {
                restartAtKeyFrame();
              }
            });
  }

  /** Asks the producer for a keyframe of the layer this consumer forwards or heads for. */
  public void requestKeyFrame() {
    int layer = targetLayer >= 0 ? targetLayer : maxLayer;
    producer.requestKeyFrame(layer);
  }

  /**
   * Set by the subscriber's bandwidth allocator: the highest layer it may forward, and whether it
   * must pause because not even the lowest layer fits.
   */
  void setAllocation(int layerCap, boolean pausedByBandwidth) {
    if (layerCap != allocatedLayer) {
      allocatedLayer = layerCap;
      nextSelectMillis = 0;
    }
    if (pausedByBandwidth != this.pausedByBandwidth) {
      this.pausedByBandwidth = pausedByBandwidth;
      if (!pausedByBandwidth) {
        restartAtKeyFrame();
      }
      listener.onConsumerPausedByBandwidth(this, pausedByBandwidth);
    }
  }

  /** The layer granted by the allocator ({@link Integer#MAX_VALUE} when not limited). */
  int allocatedLayer() {
    return allocatedLayer;
  }

  private void restartAtKeyFrame() {
    if (producer.kind() != MediaKind.VIDEO) {
      return;
    }
    currentLayer = -1;
    targetLayer = -1;
    nextSelectMillis = 0;
  }

  /**
   * The layer the subscriber's tile calls for: the smallest layer whose known resolution covers
   * {@code maxWidth × maxHeight}, else the highest allowed.
   */
  int preferredLayer() {
    if (maxWidth <= 0 || maxHeight <= 0) {
      return maxLayer;
    }
    for (int layer = 0; layer < maxLayer; layer++) {
      int w = producer.layerWidth(layer);
      int h = producer.layerHeight(layer);
      if (w > 0 && w >= maxWidth && h >= maxHeight) {
        return layer;
      }
    }
    return maxLayer;
  }

  /** The best flowing layer at or below {@code desired}, else the lowest flowing above, else -1. */
  int bestFlowingLayer(int desired, long nowMillis) {
    int top = Math.min(desired, producer.layerCount() - 1);
    for (int layer = top; layer >= 0; layer--) {
      if (producer.isLayerActive(layer, nowMillis)) {
        return layer;
      }
    }
    for (int layer = top + 1; layer < producer.layerCount(); layer++) {
      if (producer.isLayerActive(layer, nowMillis)) {
        return layer;
      }
    }
    return -1;
  }

  private void selectLayer(long nowMillis) {
    nextSelectMillis = nowMillis + SELECT_INTERVAL_MILLIS;
    int desired = Math.min(preferredLayer(), allocatedLayer);
    int chosen = bestFlowingLayer(desired, nowMillis);
    if (chosen < 0) {
      chosen = targetLayer >= 0 ? targetLayer : Math.min(desired, maxLayer);
    }
    if (chosen != targetLayer) {
      targetLayer = chosen;
      if (chosen != currentLayer) {
        producer.requestKeyFrame(chosen);
      }
    }
  }

  void onRtp(int layer, RtpPacket packet, PacketMeta meta, long nowMillis) {
    if (closed || !subscriber.isReady()) {
      return;
    }
    if (history != null && nowMillis >= nextSelectMillis) {
      selectLayer(nowMillis);
    }
    if (paused || pausedByBandwidth) {
      return;
    }
    if (layer != currentLayer) {
      if (layer != targetLayer) {
        return;
      }
      if (!meta.switchPoint) {
        producer.requestKeyFrame(layer); // rate-limited by the producer
        return;
      }
      switchTo(layer, packet, meta, nowMillis);
    }
    forward(layer, packet, meta, nowMillis);
  }

  /**
   * Starts forwarding {@code layer} at its keyframe {@code packet}: picks the output offsets so the
   * stream continues from the last packet sent (by this consumer, or by the predecessor that used
   * the same SSRC), or random bases for a brand new stream.
   */
  private void switchTo(int layer, RtpPacket packet, PacketMeta meta, long nowMillis) {
    int inSeq = packet.sequenceNumber();
    long inTimestamp = packet.timestamp();
    Vp8PayloadDescriptor vp8 = meta.vp8;
    int inPictureId = vp8 != null && vp8.hasPictureId() ? vp8.pictureId() : -1;
    int inTl0 = vp8 != null && vp8.hasTl0PicIdx() ? vp8.tl0PicIdx() : -1;
    Consumer base = started ? this : predecessor;
    predecessor = null;
    ThreadLocalRandom random = ThreadLocalRandom.current();
    if (base != null && base.lastOutSeq >= 0) {
      long elapsedMillis = Math.max(1, nowMillis - base.lastSentMillis);
      long ticksPerMilli = producer.kind() == MediaKind.AUDIO ? 48 : 90;
      seqDelta = base.lastOutSeq + 1 - inSeq;
      timestampDelta =
          (base.lastOutTimestamp + elapsedMillis * ticksPerMilli - inTimestamp) & 0xFFFF_FFFFL;
      pictureIdDelta =
          base.lastOutPictureId >= 0 && inPictureId >= 0
              ? base.lastOutPictureId + 1 - inPictureId
              : random.nextInt(1 << 15);
      tl0Delta = base.lastOutTl0 >= 0 && inTl0 >= 0 ? base.lastOutTl0 + 1 - inTl0 : 0;
    } else {
      seqDelta = random.nextInt(1 << 15) - inSeq;
      timestampDelta = (random.nextLong(1L << 31) - inTimestamp) & 0xFFFF_FFFFL;
      pictureIdDelta = random.nextInt(1 << 15);
      tl0Delta = random.nextInt(1 << 8);
    }
    started = true;
    switchInSeq = inSeq;
    highestInSeq = inSeq;
    havePaddingFloor = false;
    int previous = currentLayer;
    currentLayer = layer;
    layerSwitches++;
    if (history != null && previous != layer) {
      listener.onConsumerLayerChanged(this, layer);
    }
  }

  private void forward(int layer, RtpPacket packet, PacketMeta meta, long nowMillis) {
    int inSeq = packet.sequenceNumber();
    if (SequenceNumbers.diff(inSeq, switchInSeq) < 0
        || (havePaddingFloor && SequenceNumbers.diff(inSeq, paddingFloor) <= 0)) {
      return; // from before the switch (or a skipped probe): numbered in another segment
    }
    boolean newest = SequenceNumbers.diff(inSeq, highestInSeq) >= 0;
    if (packet.payloadLength() == 0) {
      // Padding-only (bandwidth probing) is not forwarded; in order, later packets close the gap.
      if (newest && inSeq != highestInSeq) {
        seqDelta--;
        havePaddingFloor = true;
        paddingFloor = inSeq;
        highestInSeq = inSeq;
      }
      return;
    }
    if (newest) {
      highestInSeq = inSeq;
    }
    int outSeq = (inSeq + seqDelta) & 0xFFFF;
    long outTimestamp = (packet.timestamp() + timestampDelta) & 0xFFFF_FFFFL;
    ByteBuf out = write(packet, meta.vp8, outSeq, outTimestamp, pictureIdDelta, tl0Delta, false);
    if (lastOutSeq < 0 || SequenceNumbers.diff(outSeq, lastOutSeq) > 0) {
      lastOutSeq = outSeq;
      lastOutTimestamp = outTimestamp;
      Vp8PayloadDescriptor vp8 = meta.vp8;
      if (vp8 != null && vp8.hasPictureId()) {
        lastOutPictureId = Math.floorMod(vp8.pictureId() + pictureIdDelta, vp8.pictureIdModulus());
      }
      if (vp8 != null && vp8.hasTl0PicIdx()) {
        lastOutTl0 = (vp8.tl0PicIdx() + tl0Delta) & 0xFF;
      }
    }
    lastSentMillis = nowMillis;
    if (history != null) {
      history.record(outSeq, layer, inSeq, timestampDelta, pictureIdDelta, tl0Delta, nowMillis);
    }
    forwardedPackets++;
    subscriber.sendRtp(out);
  }

  /**
   * Builds the outgoing packet: our SSRC and payload type, the given sequence number and timestamp,
   * CSRCs kept, a transport-cc extension when the subscriber negotiated one, the payload with its
   * VP8 picture id and TL0PICIDX offset. As RTX (RFC 4588 §4): RTX SSRC, payload type and sequence
   * number, the original sequence number in front of the payload.
   */
  private ByteBuf write(
      RtpPacket in,
      Vp8PayloadDescriptor vp8,
      int outSeq,
      long outTimestamp,
      int pidDelta,
      int tl0PicIdxDelta,
      boolean asRtx) {
    int csrcCount = in.csrcCount();
    int csrcBytes = csrcCount * 4;
    int payloadLength = in.payloadLength();
    int extensionId = subscriber.transportCcExtensionId();
    boolean withExtension = extensionId > 0 && extensionId < 15;
    ByteBuf out =
        subscriber
            .allocator()
            .buffer(FIXED_HEADER + csrcBytes + TRANSPORT_CC_BLOCK + 2 + payloadLength + 32);
    out.writeByte(0x80 | (withExtension ? 0x10 : 0) | csrcCount);
    out.writeByte((in.marker() ? 0x80 : 0) | (asRtx ? rtxPayloadType : payloadType));
    out.writeShort(asRtx ? rtxSequence++ & 0xFFFF : outSeq);
    out.writeInt((int) outTimestamp);
    out.writeInt((int) (asRtx ? rtxSsrc : ssrc));
    out.writeBytes(in.buffer(), in.offset() + FIXED_HEADER, csrcBytes);
    if (withExtension) {
      // RFC 8285 §4.2 one-byte form: one 2-byte element (value set at send time), one pad byte.
      out.writeShort(RtpPacket.ONE_BYTE_PROFILE);
      out.writeShort(1);
      out.writeByte((extensionId << 4) | 1);
      out.writeShort(0);
      out.writeByte(0);
    }
    if (asRtx) {
      out.writeShort(outSeq);
    }
    int payloadStart = out.writerIndex();
    out.writeBytes(in.buffer(), in.payloadOffset(), payloadLength);
    if (vp8 != null && vp8.hasPictureId()) {
      vp8.writePictureId(out, payloadStart, vp8.pictureId() + pidDelta);
    }
    if (vp8 != null && vp8.hasTl0PicIdx()) {
      vp8.writeTl0PicIdx(out, payloadStart, vp8.tl0PicIdx() + tl0PicIdxDelta);
    }
    return out;
  }

  /**
   * The subscriber lost these output sequence numbers (RFC 4585 §6.2.1): resend those still in the
   * producer's cache, rewritten exactly as first sent. Returns how many were resent.
   */
  public int onNack(List<Integer> sequenceNumbers) {
    if (closed || history == null || !subscriber.isReady()) {
      return 0;
    }
    long now = producer.router().clock().getAsLong();
    if (resendView == null) {
      resendView = new RtpPacket();
      resendDescriptor = new Vp8PayloadDescriptor();
    }
    int resent = 0;
    for (int i = 0; i < sequenceNumbers.size(); i++) {
      int outSeq = sequenceNumbers.get(i) & 0xFFFF;
      int slot = history.claimResend(outSeq, now, RtpPacketCache.MAX_AGE_MILLIS);
      if (slot < 0) {
        continue;
      }
      ByteBuf cached = producer.cachedPacket(history.layer(slot), history.inSeq(slot));
      if (cached == null || !resendView.reset(cached)) {
        continue;
      }
      Vp8PayloadDescriptor vp8 = null;
      if (producer.codec() == VideoCodec.VP8
          && resendDescriptor.parse(
              cached, resendView.payloadOffset(), resendView.payloadLength())) {
        vp8 = resendDescriptor;
      }
      long outTimestamp = (resendView.timestamp() + history.timestampDelta(slot)) & 0xFFFF_FFFFL;
      ByteBuf out =
          write(
              resendView,
              vp8,
              outSeq,
              outTimestamp,
              history.pictureIdDelta(slot),
              history.tl0Delta(slot),
              rtxPayloadType >= 0);
      resendView.clear();
      resentPackets++;
      resent++;
      subscriber.sendRtp(out);
    }
    return resent;
  }

  /** Continue the numbering of {@code previous}, which sent under the same SSRC before. */
  public void continueAfter(Consumer previous) {
    if (!started && previous != null && previous.ssrc == ssrc) {
      this.predecessor = previous;
    }
  }

  /** Called when the producer closes: the consumer closes too. */
  void onProducerClosed() {
    closeInternal();
  }

  /** Stops forwarding and detaches from the producer. Idempotent. */
  public void close() {
    if (closed) {
      return;
    }
    producer.removeConsumer(this);
    closeInternal();
  }

  private void closeInternal() {
    if (closed) {
      return;
    }
    closed = true;
    onClosed.run();
  }

  int lastOutSequence() {
    return lastOutSeq;
  }
}
