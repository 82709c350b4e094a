package dev.podium.loadkit;

import java.util.List;

/**
 * A snapshot of one light peer: transport milestones, SRTP/SRTCP outcomes and per-SSRC counters.
 * Times are {@link System#nanoTime()} values, 0 when the milestone was not reached.
 *
 * @param joinStartedNanos when the join was sent (or the peer created)
 * @param iceConnectedNanos when the first binding success response arrived
 * @param connectedAtNanos when the DTLS handshake completed and SRTP keys were installed
 * @param firstMediaNanos when the first RTP packet decrypted
 * @param rtcpPackets SRTCP packets that decrypted
 * @param authFailures SRTP and SRTCP packets whose tag did not verify
 * @param otherDrops RTP/RTCP dropped for other reasons (replayed, malformed, before keys)
 * @param pictureLossSent PLIs sent because a video stream had not begun with a key frame
 * @param streams one entry per SSRC with decrypted RTP
 */
public record LightPeerStats(
    long joinStartedNanos,
    long iceConnectedNanos,
    long connectedAtNanos,
    long firstMediaNanos,
    long rtcpPackets,
    long authFailures,
    long otherDrops,
    long pictureLossSent,
    List<StreamStats> streams) {

  /** Copies the stream list. */
  public LightPeerStats {
    streams = List.copyOf(streams);
  }

  /** Decrypted audio RTP packets over all SSRCs. */
  public long audioPackets() {
    return packets("audio");
  }

  /** Decrypted video RTP packets (not RTX) over all SSRCs. */
  public long videoPackets() {
    return packets("video");
  }

  /** Whether some video SSRC started a VP8 key frame. */
  public boolean videoKeyFrameSeen() {
    return streams.stream().anyMatch(s -> "video".equals(s.kind()) && s.keyFrameSeen());
  }

  /** Nanoseconds from the join to the first decrypted RTP packet; -1 if none yet. */
  public long joinToMediaNanos() {
    return firstMediaNanos == 0 ? -1 : firstMediaNanos - joinStartedNanos;
  }

  private long packets(String kind) {
    return streams.stream()
        .filter(s -> kind.equals(s.kind()))
        .mapToLong(StreamStats::packets)
        .sum();
  }
}
