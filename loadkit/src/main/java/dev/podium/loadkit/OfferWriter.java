package dev.podium.loadkit;

import dev.podium.media.ice.IceCredentials;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a light peer's SDP offer (RFC 8829 §5.2 shape, trimmed from a libwebrtc viewer offer):
 * BUNDLE of every m-line (RFC 8843), rtcp-mux, a=setup:actpass, one recvonly audio m-line (Opus
 * 111) with mid "0" and {@code videoSlots} recvonly video m-lines (VP8 96 + RTX 97) with mids "1"
 * to "N", all with the sdes:mid header extension.
 */
final class OfferWriter {

  static final int OPUS = 111;
  static final int VP8 = 96;
  static final int VP8_RTX = 97;
  static final int MID_EXTENSION_ID = 4;
  static final String MID_URI = "urn:ietf:params:rtp-hdrext:sdes:mid";

  private OfferWriter() {}

  static String write(IceCredentials ice, String fingerprint, int videoSlots) {
    StringBuilder sdp = new StringBuilder(1024 + 640 * videoSlots);
    line(sdp, "v=0");
    line(
        sdp,
        "o=- " + ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE) + " 2 IN IP4 127.0.0.1");
    line(sdp, "s=-");
    line(sdp, "t=0 0");
    StringBuilder bundle = new StringBuilder("a=group:BUNDLE 0");
    for (int i = 1; i <= videoSlots; i++) {
      bundle.append(' ').append(i);
    }
    line(sdp, bundle.toString());
    line(sdp, "a=msid-semantic: WMS");
    line(sdp, "m=audio 9 UDP/TLS/RTP/SAVPF " + OPUS);
    transport(sdp, ice, fingerprint, "0");
    line(sdp, "a=rtpmap:" + OPUS + " opus/48000/2");
    line(sdp, "a=fmtp:" + OPUS + " minptime=10;useinbandfec=1");
    for (int i = 1; i <= videoSlots; i++) {
      line(sdp, "m=video 9 UDP/TLS/RTP/SAVPF " + VP8 + " " + VP8_RTX);
      transport(sdp, ice, fingerprint, Integer.toString(i));
      line(sdp, "a=rtpmap:" + VP8 + " VP8/90000");
      line(sdp, "a=rtcp-fb:" + VP8 + " transport-cc");
      line(sdp, "a=rtcp-fb:" + VP8 + " ccm fir");
      line(sdp, "a=rtcp-fb:" + VP8 + " nack");
      line(sdp, "a=rtcp-fb:" + VP8 + " nack pli");
      line(sdp, "a=rtpmap:" + VP8_RTX + " rtx/90000");
      line(sdp, "a=fmtp:" + VP8_RTX + " apt=" + VP8);
    }
    return sdp.toString();
  }

  private static void transport(
      StringBuilder sdp, IceCredentials ice, String fingerprint, String mid) {
    line(sdp, "c=IN IP4 0.0.0.0");
    line(sdp, "a=rtcp:9 IN IP4 0.0.0.0");
    line(sdp, "a=ice-ufrag:" + ice.ufrag());
    line(sdp, "a=ice-pwd:" + ice.password());
    line(sdp, "a=fingerprint:sha-256 " + fingerprint);
    line(sdp, "a=setup:actpass");
    line(sdp, "a=mid:" + mid);
    line(sdp, "a=extmap:" + MID_EXTENSION_ID + " " + MID_URI);
    line(sdp, "a=recvonly");
    line(sdp, "a=rtcp-mux");
    line(sdp, "a=rtcp-rsize");
  }

  private static void line(StringBuilder sdp, String text) {
    sdp.append(text).append("\r\n");
  }
}
