package dev.podium.app.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MeetingSessionConfigurationTest {
  private static final String MEETING =
      "{\"Meeting\":{\"MeetingId\":\"9bdcee3b-ccba-4f98-b457-00490761a603\","
          + "\"ExternalMeetingId\":\"demo\",\"MediaRegion\":\"local\",\"MediaPlacement\":"
          + "{\"SignalingUrl\":\"ws://127.0.0.1:8080/v1/signaling/9bdcee3b-ccba-4f98-b457-00490761a603\"}}}";
  private static final String ATTENDEE =
      "{\"Attendee\":{\"AttendeeId\":\"5a0e0c1e-3c38-4c8f-9d0e-4f4a4c1f1b11\","
          + "\"ExternalUserId\":\"alice@example.com\",\"JoinToken\":\"tok+en/=x\"}}";
  private static final String FP =
      "A1:D1:09:71:E4:F2:DF:38:CE:39:20:D2:6F:E0:15:A4:14:D0:69:79:B2:2C:EF:43:C1:38:74:41:39:96:83:32";

  @Test
  void readsTheControlApisChimeFieldNames() {
    MeetingSessionConfiguration c =
        MeetingSessionConfiguration.fromControlApi(MEETING, ATTENDEE, null);
    assertThat(c.meetingId()).isEqualTo("9bdcee3b-ccba-4f98-b457-00490761a603");
    assertThat(c.externalMeetingId()).isEqualTo("demo");
    assertThat(c.attendeeId()).isEqualTo("5a0e0c1e-3c38-4c8f-9d0e-4f4a4c1f1b11");
    assertThat(c.externalUserId()).isEqualTo("alice@example.com");
    assertThat(c.signalingUrl().toString())
        .endsWith("/v1/signaling/9bdcee3b-ccba-4f98-b457-00490761a603");
    assertThat(c.joinToken()).isEqualTo("tok+en/=x");
    assertThat(c.certificateSha256()).isNull();
  }

  @Test
  void acceptsUnwrappedObjectsAndNamesAMissingField() {
    String meeting =
        "{\"MeetingId\":\"m\",\"MediaPlacement\":{\"SignalingUrl\":\"wss://h/v1/signaling/m\"}}";
    assertThat(
            MeetingSessionConfiguration.fromControlApi(
                    meeting, "{\"AttendeeId\":\"a\",\"JoinToken\":\"t\"}", null)
                .meetingId())
        .isEqualTo("m");
    assertThatThrownBy(
            () ->
                MeetingSessionConfiguration.fromControlApi(meeting, "{\"AttendeeId\":\"a\"}", null))
        .hasMessageContaining("JoinToken");
    assertThatThrownBy(
            () ->
                MeetingSessionConfiguration.fromControlApi("{\"MeetingId\":\"m\"}", ATTENDEE, null))
        .hasMessageContaining("SignalingUrl");
  }

  @Test
  void joinLinkRoundTripsWithThePinnedFingerprint() {
    MeetingSessionConfiguration c =
        MeetingSessionConfiguration.fromControlApi(MEETING, ATTENDEE, FP);
    assertThat(c.certificateSha256()).isEqualTo(FP.replace(":", "").toLowerCase());
    String link = c.toJoinLink();
    assertThat(link).startsWith("podium://join?url=ws%3A%2F%2F127.0.0.1");
    MeetingSessionConfiguration back = MeetingSessionConfiguration.fromJoinLink(link);
    assertThat(back.signalingUrl()).isEqualTo(c.signalingUrl());
    assertThat(back.joinToken()).isEqualTo("tok+en/=x");
    assertThat(back.certificateSha256()).isEqualTo(c.certificateSha256());
    assertThat(back.meetingId()).isEqualTo(c.meetingId());
  }

  @Test
  void readsTheHttpsFormFromFragmentOrQuery() {
    String params =
        "url=wss%3A%2F%2Fpodium.example%2Fv1%2Fsignaling%2Fm1&token=abc&fp=" + FP.replace(":", "");
    for (String link :
        new String[] {
          "https://podium.example/join#" + params, "https://podium.example/join?" + params
        }) {
      MeetingSessionConfiguration c = MeetingSessionConfiguration.fromJoinLink(link);
      assertThat(c.signalingUrl().toString()).isEqualTo("wss://podium.example/v1/signaling/m1");
      assertThat(c.meetingId()).isEqualTo("m1");
      assertThat(c.joinToken()).isEqualTo("abc");
      assertThat(c.certificateSha256()).hasSize(64);
    }
  }

  @Test
  void refusesWhatIsNotAJoinLink() {
    assertThatThrownBy(
            () ->
                MeetingSessionConfiguration.fromJoinLink(
                    "https://x/other?url=ws%3A%2F%2Fh&token=t"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> MeetingSessionConfiguration.fromJoinLink("podium://join?url=ws%3A%2F%2Fh%2Fm"))
        .hasMessageContaining("token");
    assertThatThrownBy(
            () ->
                MeetingSessionConfiguration.fromJoinLink(
                    "podium://join?url=http%3A%2F%2Fh%2Fm&token=t"))
        .hasMessageContaining("ws://");
    assertThatThrownBy(
            () ->
                MeetingSessionConfiguration.fromJoinLink(
                    "podium://join?url=ws%3A%2F%2Fh%2Fm&token=t&fp=abc"))
        .hasMessageContaining("SHA-256");
  }

  @Test
  void neverPrintsTheJoinToken() {
    MeetingSessionConfiguration c =
        MeetingSessionConfiguration.fromControlApi(MEETING, ATTENDEE, null);
    assertThat(c.toString()).doesNotContain("tok+en").contains("alice@example.com");
  }
}
