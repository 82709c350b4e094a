package dev.podium.media.dtls;

/**
 * Receives the outcome of one {@link DtlsServerSession}.
 *
 * <p>Called on the session's handshake executor thread, never on the network event loop: hop onto
 * your own loop. At most one {@link #onDtlsConnected}; then at most one of {@link #onDtlsFailed}
 * (before connecting) or {@link #onDtlsClosed} (after connecting). A local {@link
 * DtlsServerSession#close()} triggers neither, although a callback already under way may race it.
 */
public interface DtlsListener {
  /** The handshake completed and the client's certificate matched the SDP fingerprint. */
  void onDtlsConnected(DtlsSrtpKeys keys);

  /** The handshake failed or timed out; {@code reason} is for logs, never contains key material. */
  void onDtlsFailed(String reason);

  /** After connecting, the peer sent close_notify or a fatal alert, or the connection broke. */
  void onDtlsClosed();
}
