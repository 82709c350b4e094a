package dev.podium.media.srtp;

/**
 * Per-SSRC state of an SRTP crypto context (RFC 3711 §3.2.1): the highest SRTP packet index (which
 * carries ROC and s_l), the SRTCP index, and on the receiving side the replay windows.
 */
final class StreamState {
  /** Highest 48-bit SRTP index protected or accepted: ROC = highest >>> 16, s_l = low 16 bits. */
  long rtpHighest = -1;

  /** Sender: index of the next SRTCP packet (RFC 3711 §3.4: starts at 0). */
  long rtcpNextIndex;

  /** Receiver only, created on the first authenticated packet. */
  ReplayWindow rtpWindow;

  /** Receiver only, created on the first authenticated packet. */
  ReplayWindow rtcpWindow;

  /**
   * Guesses the 48-bit packet index of sequence number {@code seq} from the highest index seen (RFC
   * 3711 §3.3.1 and Appendix A): the ROC that puts {@code seq} closest to s_l. The first packet of
   * a stream gets ROC 0. A guess of ROC - 1 when ROC is 0 is impossible (ROC starts at 0), so ROC 0
   * is used and a wrong guess is left to authentication.
   */
  static long estimateIndex(long highest, int seq) {
    if (highest < 0) {
      return seq;
    }
    long roc = highest >>> 16;
    int last = (int) (highest & 0xFFFF);
    long guess;
    if (last < 0x8000) {
      guess = (seq - last > 0x8000) ? roc - 1 : roc;
    } else {
      guess = (last - 0x8000 > seq) ? roc + 1 : roc;
    }
    if (guess < 0) {
      guess = 0;
    }
    return (guess << 16) | seq;
  }
}
