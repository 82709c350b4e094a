package dev.podium.media.routing;

import dev.podium.media.rtp.RtpPacket;
import io.netty.buffer.ByteBuf;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One subscription of a subscriber to a {@link Producer}: forwards one layer under the consumer's
 * own SSRC, with continuous sequence numbers and timestamps (RFC 3550 §5.1 fields rewritten), so
 * the subscriber sees one stream whatever the publisher does. Header extensions are not forwarded:
 * the subscriber negotiated its own ids and demultiplexes by the SSRC we signalled. Event-loop
 * confined.
 */
public final class Consumer {
  private static final int FIXED_HEADER = 12;

  private final String id;
  private final Producer producer;
  private final RtpSink subscriber;
  private final long ssrc;
  private final int payloadType;
  private final Runnable onClosed;

  private int targetLayer;
  private boolean paused;
  private boolean closed;
  private boolean started;
  private int seqDelta;
  private long timestampDelta;
  private int lastOutSeq = -1;
  private long lastOutTimestamp;
  private long lastSentNanos;
  private Consumer predecessor;

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
    this.targetLayer = Math.min(targetLayer, producer.layerCount() - 1);
    this.onClosed = onClosed;
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

  public int targetLayer() {
    return targetLayer;
  }

  public boolean isPaused() {
    return paused;
  }

  public boolean isClosed() {
    return closed;
  }

  public void setPaused(boolean paused) {
    this.paused = paused;
    if (!paused) {
      requestKeyFrame();
    }
  }

  /** Asks the producer for a keyframe of the layer this consumer forwards. */
  public void requestKeyFrame() {
    producer.requestKeyFrame(targetLayer);
  }

  void onRtp(int layer, RtpPacket packet) {
    if (closed || paused || layer != targetLayer || !subscriber.isReady()) {
      return;
    }
    int inSeq = packet.sequenceNumber();
    if (!started) {
      start(inSeq, packet.timestamp());
    }
    if (packet.payloadLength() == 0) {
      // Padding-only (bandwidth probing): not forwarded; later packets close the gap it leaves.
      seqDelta--;
      return;
    }
    int outSeq = (inSeq + seqDelta) & 0xFFFF;
    long outTimestamp = (packet.timestamp() + timestampDelta) & 0xFFFF_FFFFL;
    ByteBuf in = packet.buffer();
    int csrcBytes = packet.csrcCount() * 4;
    int payloadLength = packet.payloadLength();
    ByteBuf out = subscriber.allocator().buffer(FIXED_HEADER + csrcBytes + payloadLength + 32);
    int base = packet.offset();
    // V=2, no padding, no extension, CSRC count kept.
    out.writeByte(0x80 | packet.csrcCount());
    out.writeByte((packet.marker() ? 0x80 : 0) | payloadType);
    out.writeShort(outSeq);
    out.writeInt((int) outTimestamp);
    out.writeInt((int) ssrc);
    out.writeBytes(in, base + FIXED_HEADER, csrcBytes);
    out.writeBytes(in, packet.payloadOffset(), payloadLength);
    lastOutSeq = outSeq;
    lastOutTimestamp = outTimestamp;
    lastSentNanos = System.nanoTime();
    subscriber.sendRtp(out);
  }

  /**
   * Picks the output bases: random for a new stream, or continuing the SSRC's previous consumer
   * (the next sequence number, the timestamp advanced by the time elapsed) so the subscriber's
   * jitter buffer sees one continuous stream when the source behind an SSRC changes.
   */
  private void start(int inSeq, long inTimestamp) {
    started = true;
    Consumer previous = predecessor;
    predecessor = null;
    if (previous != null && previous.started && previous.lastOutSeq >= 0) {
      long elapsedMillis = Math.max(1, (System.nanoTime() - previous.lastSentNanos) / 1_000_000);
      long ticksPerMilli = producer.kind() == MediaKind.AUDIO ? 48 : 90;
      seqDelta = previous.lastOutSeq + 1 - inSeq;
      timestampDelta =
          (previous.lastOutTimestamp + elapsedMillis * ticksPerMilli - inTimestamp) & 0xFFFF_FFFFL;
      return;
    }
    ThreadLocalRandom random = ThreadLocalRandom.current();
    seqDelta = random.nextInt(1 << 15) - inSeq;
    timestampDelta = (random.nextLong(1L << 31) - inTimestamp) & 0xFFFF_FFFFL;
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
