package dev.podium.loadkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.media.ice.IceCredentials;
import dev.podium.media.sdp.Direction;
import dev.podium.media.sdp.MediaDescription;
import dev.podium.media.sdp.MediaKind;
import dev.podium.media.sdp.SessionDescription;
import dev.podium.media.sdp.Setup;
import org.junit.jupiter.api.Test;

class OfferWriterTest {

  @Test
  void offersBundledRecvonlyAudioAndVideoWithTheCertificateFingerprint() {
    IceCredentials ice = IceCredentials.random();
    String fingerprint = ClientCertificate.generate().fingerprint();

    SessionDescription offer = SessionDescription.parse(OfferWriter.write(ice, fingerprint, 3));

    assertThat(offer.bundleGroup().orElseThrow().mids()).containsExactly("0", "1", "2", "3");
    assertThat(offer.media()).hasSize(4);
    assertThat(offer.media().get(0).kind()).isEqualTo(MediaKind.AUDIO);
    assertThat(offer.media().get(0).codec(111).orElseThrow().name()).isEqualToIgnoringCase("opus");
    for (MediaDescription m : offer.media()) {
      assertThat(m.direction()).isEqualTo(Direction.RECVONLY);
      assertThat(m.rtcpMux()).isTrue();
      assertThat(m.setup()).isEqualTo(Setup.ACTPASS);
      assertThat(m.iceUfrag()).isEqualTo(ice.ufrag());
      assertThat(m.icePwd()).isEqualTo(ice.password());
      assertThat(m.fingerprint().value()).isEqualTo(fingerprint);
      assertThat(m.extMapId(OfferWriter.MID_URI)).isEqualTo(OfferWriter.MID_EXTENSION_ID);
    }
    MediaDescription video = offer.media().get(3);
    assertThat(video.kind()).isEqualTo(MediaKind.VIDEO);
    assertThat(video.mid()).isEqualTo("3");
    assertThat(video.codec(96).orElseThrow().rtcpFeedback()).contains("nack pli", "ccm fir");
    assertThat(video.rtxFor(96).orElseThrow().payloadType()).isEqualTo(97);
  }
}
