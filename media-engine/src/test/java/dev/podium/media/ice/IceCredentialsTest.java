package dev.podium.media.ice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Random credentials have RFC 8839 §5.4 shape; bad ones are refused. */
class IceCredentialsTest {
  @Test
  void randomCredentialsUseIceCharsAndFixedLengths() {
    Set<String> ufrags = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      IceCredentials credentials = IceCredentials.random();
      assertThat(credentials.ufrag()).hasSize(8).matches("[A-Za-z0-9+/]+");
      assertThat(credentials.password()).hasSize(24).matches("[A-Za-z0-9+/]+");
      ufrags.add(credentials.ufrag());
    }
    assertThat(ufrags).hasSize(200);
  }

  @Test
  void refusesCharactersOutsideTheIceCharSetAndShortValues() {
    assertThatThrownBy(() -> new IceCredentials("ab:c", "0123456789012345678901"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new IceCredentials("abc", "0123456789012345678901"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new IceCredentials("abcd", "012345678901234567890"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new IceCredentials("abcd", null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void keepsThePasswordOutOfToString() {
    IceCredentials credentials = new IceCredentials("abcd", "secretsecretsecretsecret");
    assertThat(credentials.toString()).contains("abcd").doesNotContain("secret");
  }
}
