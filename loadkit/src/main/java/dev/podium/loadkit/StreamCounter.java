package dev.podium.loadkit;

/**
 * Mutable per-SSRC counters, written by the engine's receive loop; {@link #snapshot} may be called
 * from any thread.
 */
final class StreamCounter {
  private final long ssrc;
  private String kind;
  private String mid;
  private int payloadType;
  private long packets;
  private long bytes;
  private int lastSequenceNumber;
  private long firstExtended = -1;
  private long highestExtended = -1;
  private long keyFrames;
  private long firstPacketNanos;

  StreamCounter(long ssrc) {
    this.ssrc = ssrc;
  }

  /** Counts one packet; returns true for a video stream that has not begun a key frame yet. */
  synchronized boolean count(
      String kind, String mid, int payloadType, int sequenceNumber, int length, boolean keyFrame) {
    long now = System.nanoTime();
    if (packets == 0) {
      firstPacketNanos = now;
      firstExtended = sequenceNumber;
      highestExtended = sequenceNumber;
    } else {
      // Unwrap against the highest seen (RFC 3550 A.1): the nearest value with these 16 bits.
      long candidate = (highestExtended & ~0xFFFFL) | sequenceNumber;
      if (candidate - highestExtended > 0x8000) {
        candidate -= 0x10000;
      } else if (highestExtended - candidate > 0x8000) {
        candidate += 0x10000;
      }
      if (candidate > highestExtended) {
        highestExtended = candidate;
      }
    }
    this.kind = kind;
    this.mid = mid;
    this.payloadType = payloadType;
    packets++;
    bytes += length;
    lastSequenceNumber = sequenceNumber;
    if (keyFrame) {
      keyFrames++;
    }
    return keyFrames == 0 && "video".equals(kind);
  }

  synchronized StreamStats snapshot() {
    long expected = highestExtended - firstExtended + 1;
    return new StreamStats(
        ssrc,
        kind,
        mid,
        payloadType,
        packets,
        bytes,
        lastSequenceNumber,
        Math.max(0, expected - packets),
        keyFrames,
        firstPacketNanos);
  }
}
