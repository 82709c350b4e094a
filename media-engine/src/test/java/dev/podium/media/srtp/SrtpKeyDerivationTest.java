package dev.podium.media.srtp;

import static dev.podium.media.srtp.TestPackets.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SrtpKeyDerivationTest {
  private static final byte[] MASTER_KEY = hex("E1F97A0D3E018BE0D64FA32C06DE4139");
  private static final byte[] MASTER_SALT = hex("0EC675AD498AFEEBB6960B3AABE6");

  @Test
  void derivesRfc3711AppendixB3CipherKey() {
    assertThat(SrtpKeyDerivation.derive(MASTER_KEY, MASTER_SALT, 0x00, 16))
        .isEqualTo(hex("C61E7A93744F39EE10734AFE3FF7A087"));
  }

  @Test
  void derivesRfc3711AppendixB3CipherSalt() {
    assertThat(SrtpKeyDerivation.derive(MASTER_KEY, MASTER_SALT, 0x02, 14))
        .isEqualTo(hex("30CBBC08863D8C85D49DB34A9AE1"));
  }

  @Test
  void derivesRfc3711AppendixB3AuthKeyOverSeveralBlocks() {
    assertThat(SrtpKeyDerivation.derive(MASTER_KEY, MASTER_SALT, 0x01, 20))
        .isEqualTo(hex("CEBE321F6FF7716B6FD4AB49AF256A156D38BAA4"));
  }

  @Test
  void derivesEverySessionKeyOfTheProfile() {
    SrtpSessionKeys keys =
        SrtpKeyDerivation.derive(SrtpProfile.AES128_CM_HMAC_SHA1_80, MASTER_KEY, MASTER_SALT);
    assertThat(keys.rtpKey()).isEqualTo(hex("C61E7A93744F39EE10734AFE3FF7A087"));
    assertThat(keys.rtpSalt()).isEqualTo(hex("30CBBC08863D8C85D49DB34A9AE1"));
    assertThat(keys.rtpAuthKey()).isEqualTo(hex("CEBE321F6FF7716B6FD4AB49AF256A156D38BAA4"));
    assertThat(keys.rtcpKey()).hasSize(16).isNotEqualTo(keys.rtpKey());
    assertThat(keys.rtcpSalt()).hasSize(14).isNotEqualTo(keys.rtpSalt());
    assertThat(keys.rtcpAuthKey()).hasSize(20).isNotEqualTo(keys.rtpAuthKey());
  }

  @Test
  void derivesTwelveByteSaltsAndNoAuthKeysForGcm() {
    SrtpSessionKeys keys =
        SrtpKeyDerivation.derive(
            SrtpProfile.AEAD_AES_128_GCM,
            hex("000102030405060708090a0b0c0d0e0f"),
            hex("a0a1a2a3a4a5a6a7a8a9aaab"));
    assertThat(keys.rtpKey()).hasSize(16);
    assertThat(keys.rtpSalt()).hasSize(12);
    assertThat(keys.rtpAuthKey()).isEmpty();
    assertThat(keys.rtcpAuthKey()).isEmpty();
  }

  @Test
  void refusesKeysOfTheWrongLength() {
    assertThatThrownBy(
            () ->
                SrtpKeyDerivation.derive(
                    SrtpProfile.AEAD_AES_128_GCM, MASTER_KEY, MASTER_SALT /* 14, not 12 */))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("salt");
    assertThatThrownBy(
            () -> new SrtpSession(SrtpProfile.AES128_CM_HMAC_SHA1_80, new byte[15], MASTER_SALT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("key");
  }
}
