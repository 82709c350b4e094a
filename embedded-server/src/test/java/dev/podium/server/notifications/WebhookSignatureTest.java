package dev.podium.server.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
  private static final byte[] SECRET =
      "a-shared-secret-of-32-bytes-long".getBytes(StandardCharsets.UTF_8);
  private static final byte[] BODY =
      "{\"eventType\":\"meeting.started\"}".getBytes(StandardCharsets.UTF_8);
  private final WebhookSignature signature = new WebhookSignature(SECRET);

  @Test
  void acceptsItsOwnSignatureWithinTheTolerance() {
    String header = signature.sign(1_700_000_000L, BODY);
    assertThat(header).matches("t=1700000000,v1=[0-9a-f]{64}");
    assertThat(signature.verify(header, BODY, 1_700_000_100L, Duration.ofMinutes(5))).isTrue();
  }

  @Test
  void rejectsTamperedBody() {
    String header = signature.sign(1_700_000_000L, BODY);
    byte[] tampered = "{\"eventType\":\"meeting.ended\"}".getBytes(StandardCharsets.UTF_8);
    assertThat(signature.verify(header, tampered, 1_700_000_000L, Duration.ofMinutes(5))).isFalse();
  }

  @Test
  void rejectsReplayedOldSignatureAndChangedTimestamp() {
    String header = signature.sign(1_700_000_000L, BODY);
    assertThat(signature.verify(header, BODY, 1_700_000_301L, Duration.ofMinutes(5))).isFalse();
    String moved = header.replace("t=1700000000", "t=1700000300");
    assertThat(signature.verify(moved, BODY, 1_700_000_300L, Duration.ofMinutes(5))).isFalse();
  }

  @Test
  void rejectsOtherSecretAndGarbage() {
    String header =
        new WebhookSignature("another-secret-another-secret!!".getBytes(StandardCharsets.UTF_8))
            .sign(1_700_000_000L, BODY);
    assertThat(signature.verify(header, BODY, 1_700_000_000L, Duration.ofMinutes(5))).isFalse();
    assertThat(signature.verify("t=x,v1=zz", BODY, 1_700_000_000L, Duration.ofMinutes(5)))
        .isFalse();
    assertThat(signature.verify(null, BODY, 1_700_000_000L, Duration.ofMinutes(5))).isFalse();
  }
}
