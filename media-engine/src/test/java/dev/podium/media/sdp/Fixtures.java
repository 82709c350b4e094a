package dev.podium.media.sdp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Loads the captured webrtc-java offers from {@code src/test/resources/sdp}. */
final class Fixtures {
  static final String SIMULCAST = "publisher-simulcast.sdp";
  static final String SINGLE = "publisher-single.sdp";
  static final String VIEWER = "viewer.sdp";
  static final String RENEGOTIATION = "renegotiation.sdp";
  static final String DATA_CHANNEL = "publisher-datachannel.sdp";
  static final List<String> ALL = List.of(SIMULCAST, SINGLE, VIEWER, RENEGOTIATION, DATA_CHANNEL);

  private Fixtures() {}

  static String text(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/sdp/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static SessionDescription parsed(String name) {
    return SessionDescription.parse(text(name));
  }

  /** Transport parameters with a syntactically valid sha-256 fingerprint. */
  static LocalTransportParameters localTransport(int port) {
    StringBuilder fingerprint = new StringBuilder();
    for (int i = 0; i < 32; i++) {
      if (i > 0) {
        fingerprint.append(':');
      }
      fingerprint.append(String.format("%02X", (i * 37 + 11) & 0xFF));
    }
    return new LocalTransportParameters(
        "podU", "podiumIcePasswordOf24Chr", "sha-256", fingerprint.toString(), "127.0.0.1", port);
  }
}
