package dev.podium.app.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.app.SdkMeetingLauncher;
import dev.podium.app.client.AudioMode;
import dev.podium.app.client.MeetingSessionConfiguration;
import dev.podium.app.client.SessionOptions;
import dev.podium.app.meeting.JoinedMeeting;
import dev.podium.app.meeting.MeetingGateway;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * "Host a webinar from this laptop" for real: in-process server with self-signed TLS, the host
 * joins over wss pinned to the fingerprint in its links, and an audience link joins a replica as a
 * viewer. Runs inside tools/loopback-only (the LAN address falls back to 127.0.0.1 there).
 */
class LocalWebinarTest {

  @Test
  void oneClickHostsAndLinksCarryTheFingerprintAndTheRightRoles() throws Exception {
    SdkMeetingLauncher launcher =
        new SdkMeetingLauncher(() -> SessionOptions.defaults().withAudioMode(AudioMode.HEADLESS));
    JoinedMeeting joined = launcher.hostWebinar("Hana").get(60, TimeUnit.SECONDS);
    LocalWebinar webinar = (LocalWebinar) joined.invites();
    try {
      assertThat(joined.gateway().self().isHost()).isTrue();
      assertThat(joined.gateway().self().name()).isEqualTo("Hana");
      assertThat(joined.title()).isEqualTo("Hana's webinar");
      assertThat(webinar.fingerprint()).matches("[0-9a-f]{64}");

      String presenterLink = webinar.newPresenterLink().get(10, TimeUnit.SECONDS);
      MeetingSessionConfiguration presenter =
          MeetingSessionConfiguration.fromJoinLink(presenterLink);
      assertThat(presenter.certificateSha256()).isEqualTo(webinar.fingerprint());
      assertThat(presenter.signalingUrl().getScheme()).isEqualTo("wss");
      assertThat(presenter.meetingId()).isEqualTo(webinar.hostConfiguration().meetingId());

      String audienceLink = webinar.newAudienceLink().get(10, TimeUnit.SECONDS);
      MeetingSessionConfiguration audience = MeetingSessionConfiguration.fromJoinLink(audienceLink);
      assertThat(audience.meetingId()).isNotEqualTo(presenter.meetingId());
      assertThat(
              MeetingSessionConfiguration.fromJoinLink(
                      webinar.newAudienceLink().get(10, TimeUnit.SECONDS))
                  .meetingId())
          .as("viewers share a replica until it fills")
          .isEqualTo(audience.meetingId());

      try (MeetingGateway viewer = launcher.gatewayFor(audience)) {
        assertThat(viewer.start().get(30, TimeUnit.SECONDS).isOk()).isTrue();
        assertThat(viewer.self().isViewer()).isTrue();
      }
    } finally {
      joined.gateway().close();
      webinar.close();
    }
  }
}
