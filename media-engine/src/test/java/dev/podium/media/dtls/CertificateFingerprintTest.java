package dev.podium.media.dtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CertificateFingerprintTest {

  @Test
  void formatsSha256AsUpperCaseHexWithColons() {
    // SHA-256("abc"), FIPS 180-2 appendix B.1
    assertThat(CertificateFingerprint.of("SHA-256", "abc".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo(
            "BA:78:16:BF:8F:01:CF:EA:41:41:40:DE:5D:AE:22:23:"
                + "B0:03:61:A3:96:17:7A:9C:B4:10:FF:61:F2:00:15:AD");
  }

  @Test
  void matchesIgnoringCaseAndSurroundingSpace() {
    assertThat(CertificateFingerprint.matches(" ab:cd:0f ", "AB:CD:0F")).isTrue();
  }

  @Test
  void rejectsAnyDifference() {
    assertThat(CertificateFingerprint.matches("AB:CD:0F", "AB:CD:0E")).isFalse();
    assertThat(CertificateFingerprint.matches("AB:CD", "AB:CD:0F")).isFalse();
  }

  @Test
  void refusesWeakOrUnknownHashFunctions() {
    assertThat(CertificateFingerprint.digestName("sha-512")).isEqualTo("SHA-512");
    assertThatThrownBy(() -> CertificateFingerprint.digestName("md5"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
