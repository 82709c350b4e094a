package dev.podium.media.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SrtpProfileTest {

  @Test
  void mapsUseSrtpIdsToProfiles() {
    assertThat(SrtpProfile.fromUseSrtpId(0x0001)).contains(SrtpProfile.AES128_CM_HMAC_SHA1_80);
    assertThat(SrtpProfile.fromUseSrtpId(0x0007)).contains(SrtpProfile.AEAD_AES_128_GCM);
    assertThat(SrtpProfile.fromUseSrtpId(0x0002)).isEmpty(); // SHA1_32: not offered
  }

  @Test
  void reportsLengthsAndOverheads() {
    SrtpProfile cm = SrtpProfile.AES128_CM_HMAC_SHA1_80;
    assertThat(cm.keyLength()).isEqualTo(16);
    assertThat(cm.saltLength()).isEqualTo(14);
    assertThat(cm.rtpOverhead()).isEqualTo(10);
    assertThat(cm.rtcpOverhead()).isEqualTo(14);
    SrtpProfile gcm = SrtpProfile.AEAD_AES_128_GCM;
    assertThat(gcm.saltLength()).isEqualTo(12);
    assertThat(gcm.rtpOverhead()).isEqualTo(16);
    assertThat(gcm.rtcpOverhead()).isEqualTo(20);
  }
}
