package dev.podium.media.dtls;

/**
 * Sends a datagram to the connection's selected remote address; implemented by the transport.
 *
 * <p>Must be thread-safe: it is called from the handshake worker and from whichever thread closes
 * the session. It must not keep {@code data} after returning.
 */
@FunctionalInterface
public interface DatagramSender {
  /** Sends {@code length} bytes of {@code data} from {@code offset} as one datagram. */
  void send(byte[] data, int offset, int length);
}
