package dev.podium.media.dtls;

/**
 * Rejects datagrams that cannot be a sequence of DTLS 1.x records (RFC 6347 §4.1, §4.2.2) before
 * bctls sees them.
 *
 * <p>Why: epoch 0 has no integrity protection, so bctls records the sequence number of any epoch-0
 * record that parses; one garbage record with a huge sequence number moves the replay window (RFC
 * 6347 §4.1.2.6) past the genuine handshake, which then times out. Checking that every epoch-0
 * handshake record holds exactly a run of well-formed fragment headers makes random junk (misrouted
 * RTP, scanners) harmless. It cannot stop a forger that sees the path.
 */
final class DtlsRecordFilter {

  private static final int RECORD_HEADER_LENGTH = 13;
  private static final int FRAGMENT_HEADER_LENGTH = 12;
  private static final int CHANGE_CIPHER_SPEC = 20;
  private static final int ALERT = 21;
  private static final int HANDSHAKE = 22;
  private static final int APPLICATION_DATA = 23;
  private static final int DTLS_MAJOR_VERSION = 0xFE;

  private DtlsRecordFilter() {}

  static boolean isPlausible(byte[] data, int offset, int length) {
    int at = offset;
    int end = offset + length;
    if (length < RECORD_HEADER_LENGTH) {
      return false;
    }
    while (at < end) {
      if (end - at < RECORD_HEADER_LENGTH) {
        return false;
      }
      int type = data[at] & 0xFF;
      int epoch = uint16(data, at + 3);
      int bodyLength = uint16(data, at + 11);
      int body = at + RECORD_HEADER_LENGTH;
      if ((data[at + 1] & 0xFF) != DTLS_MAJOR_VERSION
          || bodyLength == 0
          || bodyLength > end - body
          || !isPlausibleBody(type, epoch, data, body, bodyLength)) {
        return false;
      }
      at = body + bodyLength;
    }
    return true;
  }

  private static boolean isPlausibleBody(
      int type, int epoch, byte[] data, int body, int bodyLength) {
    if (epoch != 0) {
      // Protected records: the cipher authenticates them, and failures leave no trace.
      return type >= CHANGE_CIPHER_SPEC && type <= APPLICATION_DATA;
    }
    return switch (type) {
      case CHANGE_CIPHER_SPEC -> bodyLength == 1 && data[body] == 1;
      case ALERT -> bodyLength == 2;
      case HANDSHAKE -> isFragmentRun(data, body, bodyLength);
      default -> false; // no application data before keys exist
    };
  }

  /** A handshake record holds one or more fragments, each with a 12-byte header (§4.2.2). */
  private static boolean isFragmentRun(byte[] data, int body, int bodyLength) {
    int at = body;
    int end = body + bodyLength;
    while (at < end) {
      if (end - at < FRAGMENT_HEADER_LENGTH) {
        return false;
      }
      int messageLength = uint24(data, at + 1);
      int fragmentOffset = uint24(data, at + 6);
      int fragmentLength = uint24(data, at + 9);
      if (fragmentLength > end - at - FRAGMENT_HEADER_LENGTH
          || fragmentOffset + fragmentLength > messageLength) {
        return false;
      }
      at += FRAGMENT_HEADER_LENGTH + fragmentLength;
    }
    return true;
  }

  private static int uint16(byte[] data, int at) {
    return ((data[at] & 0xFF) << 8) | (data[at + 1] & 0xFF);
  }

  private static int uint24(byte[] data, int at) {
    return ((data[at] & 0xFF) << 16) | ((data[at + 1] & 0xFF) << 8) | (data[at + 2] & 0xFF);
  }
}
