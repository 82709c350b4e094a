package dev.podium.loadkit;

/**
 * What a light peer received on one SSRC, as decrypted RTP (a snapshot).
 *
 * @param ssrc the RTP SSRC
 * @param kind "audio", "video", "rtx" or "unknown", from the payload type negotiated in the answer
 * @param mid the m-line the answer's a=ssrc lines put this SSRC on, or null
 * @param payloadType the payload type of the latest packet
 * @param packets decrypted packets
 * @param bytes decrypted RTP bytes (header and payload)
 * @param lastSequenceNumber the sequence number of the latest packet
 * @param lost packets missing between the first and the highest sequence number (RFC 3550 A.3)
 * @param keyFrames VP8 key frames started (video only)
 * @param firstPacketNanos {@link System#nanoTime()} of the first decrypted packet
 */
public record StreamStats(
    long ssrc,
    String kind,
    String mid,
    int payloadType,
    long packets,
    long bytes,
    int lastSequenceNumber,
    long lost,
    long keyFrames,
    long firstPacketNanos) {

  /** Whether at least one VP8 key frame began on this stream. */
  public boolean keyFrameSeen() {
    return keyFrames > 0;
  }
}
