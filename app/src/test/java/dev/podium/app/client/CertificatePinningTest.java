package dev.podium.app.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.podium.server.boot.PodiumServer;
import dev.podium.server.boot.ServerConfig;
import dev.podium.server.boot.TlsSettings;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A server with a self-signed certificate is joined only when its fingerprint is pinned. */
class CertificatePinningTest {
  private static final String KEY = "sdk-tls-test-key-0123456789";
  private static PodiumServer server;
  private static String fingerprint;
  private static TestMeetings api;

  @BeforeAll
  static void startServer() {
    server = PodiumServer.start(ServerConfig.ephemeral(KEY).withTls(TlsSettings.selfSigned()));
    fingerprint = server.tlsFingerprint().orElseThrow();
    api = new TestMeetings("https://127.0.0.1:" + server.httpPort(), KEY, fingerprint);
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @Test
  void joinsOverWssWhenTheFingerprintIsPinned() throws Exception {
    JsonNode meeting = api.createMeeting("{}");
    MeetingSessionConfiguration config =
        api.attendees(meeting, "ivy").get(0).withCertificateSha256(fingerprint);
    assertThat(config.signalingUrl().getScheme()).isEqualTo("wss");
    try (MeetingSession session = MeetingSession.create(config, MeetingSessionTest.headless())) {
      assertThat(session.start().get(20, TimeUnit.SECONDS)).isEqualTo(MeetingSessionStatus.ok());
      assertThat(session.self().externalUserId()).isEqualTo("ivy");
    }
  }

  @Test
  void refusesAServerWhoseCertificateIsNotThePinnedOne() throws Exception {
    JsonNode meeting = api.createMeeting("{}");
    MeetingSessionConfiguration config =
        api.attendees(meeting, "jay").get(0).withCertificateSha256("00".repeat(32));
    try (MeetingSession session = MeetingSession.create(config, MeetingSessionTest.headless())) {
      MeetingSessionStatus status = session.start().get(20, TimeUnit.SECONDS);
      assertThat(status.failure()).isEqualTo(ClientFailure.CERTIFICATE_REJECTED);
      assertThat(status.message()).contains(fingerprint.replace(":", "").toLowerCase());
    }
  }

  @Test
  void withoutAPinTheSelfSignedServerIsUnreachable() throws Exception {
    JsonNode meeting = api.createMeeting("{}");
    MeetingSessionConfiguration config = api.attendees(meeting, "kim").get(0);
    try (MeetingSession session = MeetingSession.create(config, MeetingSessionTest.headless())) {
      assertThat(session.start().get(20, TimeUnit.SECONDS).failure())
          .isEqualTo(ClientFailure.SIGNALING_UNREACHABLE);
    }
  }
}
