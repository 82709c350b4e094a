package dev.podium.server.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.podium.server.api.ApiClient;
import dev.podium.server.boot.PodiumServer;
import dev.podium.server.boot.ServerConfig;
import dev.podium.server.protocol.ClientMessage;
import dev.podium.server.protocol.ServerMessage;
import dev.podium.server.protocol.StatusCode;
import dev.podium.testkit.PeerEnvironment;
import dev.podium.testkit.ReceivedAudio;
import dev.podium.testkit.ReceivedVideo;
import dev.podium.testkit.TestPeer;
import dev.podium.testkit.Tones;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The meeting service end to end: control API → join tokens → signaling → real webrtc-java peers
 * exchanging audio, video and data messages; revoked tokens refused; DeleteAttendee disconnects a
 * joined attendee within a second.
 */
class SignalingEndToEndTest {
  private static final String KEY = "e2e-test-key-0123456789";
  private static PodiumServer server;
  private static ApiClient api;
  private static PeerEnvironment peers;

  @BeforeAll
  static void start() {
    server = PodiumServer.start(ServerConfig.ephemeral(KEY));
    api = new ApiClient("http://127.0.0.1:" + server.httpPort(), KEY);
    peers = PeerEnvironment.create();
  }

  @AfterAll
  static void stop() {
    peers.close();
    server.close();
  }

  @Test
  void attendeesExchangeMediaAndDataAndRevokedAttendeesAreShutOut() throws Exception {
    JsonNode meeting =
        api.post("/meetings", "{\"ExternalMeetingId\":\"e2e\"}").json().get("Meeting");
    String meetingId = meeting.get("MeetingId").asText();
    String signalingUrl = meeting.get("MediaPlacement").get("SignalingUrl").asText();
    JsonNode attendees =
        api.post(
                "/meetings/" + meetingId + "/attendees?operation=batch-create",
                "{\"Attendees\":[{\"ExternalUserId\":\"alice\"},{\"ExternalUserId\":\"bob\"},"
                    + "{\"ExternalUserId\":\"carol\"}]}")
            .json()
            .get("Attendees");
    assertThat(attendees).hasSize(3);

    TestPeer alicePeer =
        peers
            .newPeer("alice")
            .sendAudio(440)
            .sendVideo(320, 180, 30, 1)
            .receiveAudio(1)
            .receiveVideo(1)
            .build();
    TestPeer bobPeer =
        peers
            .newPeer("bob")
            .sendAudio(660)
            .sendVideo(320, 180, 30, 1)
            .receiveAudio(1)
            .receiveVideo(1)
            .build();

    try (JoinedPeer alice = JoinedPeer.join(alicePeer, signalingUrl, token(attendees, 0));
        JoinedPeer bob = JoinedPeer.join(bobPeer, signalingUrl, token(attendees, 1))) {
      assertThat(alice.joined.self().externalUserId()).isEqualTo("alice");
      assertThat(bob.joined.attendees())
          .extracting(ServerMessage.AttendeeInfo::externalUserId)
          .containsExactly("alice");
      alice.signaling.await(
          ServerMessage.Presence.class,
          p ->
              p.attendeeId().equals(bob.attendeeId())
                  && p.state() == ServerMessage.PresenceState.JOINED,
          Duration.ofSeconds(5));

      alice.negotiate(java.util.List.of());
      ServerMessage.Sources aliceVideoForBob =
          bob.signaling.await(
              ServerMessage.Sources.class, s -> !s.sources().isEmpty(), Duration.ofSeconds(10));
      assertThat(aliceVideoForBob.sources().get(0).attendeeId()).isEqualTo(alice.attendeeId());
      bob.negotiate(aliceVideoForBob.sources());
      ServerMessage.Sources bobVideoForAlice =
          alice.signaling.await(
              ServerMessage.Sources.class, s -> !s.sources().isEmpty(), Duration.ofSeconds(10));
      assertThat(bobVideoForAlice.sources().get(0).externalUserId()).isEqualTo("bob");
      alice.negotiate(bobVideoForAlice.sources());

      for (JoinedPeer p : java.util.List.of(alice, bob)) {
        ReceivedVideo video = p.peer.receivedVideo().get(0);
        video.awaitFrames(30, Duration.ofSeconds(10));
        assertThat(video.lastWidth()).isEqualTo(320);
      }
      assertHears(alicePeer.receivedAudio().get(0), 660, 440);
      assertHears(bobPeer.receivedAudio().get(0), 440, 660);

      // Data messages: delivered with sender identity; oversize refused with a status.
      alice.signaling.send(new ClientMessage.SendData("d1", "chat", base64("hello bob"), null));
      assertThat(alice.signaling.status("d1").code()).isEqualTo(StatusCode.OK);
      ServerMessage.Data received = bob.signaling.await(ServerMessage.Data.class);
      assertThat(received.topic()).isEqualTo("chat");
      assertThat(new String(Base64.getDecoder().decode(received.data()), StandardCharsets.UTF_8))
          .isEqualTo("hello bob");
      assertThat(received.senderAttendeeId()).isEqualTo(alice.attendeeId());
      assertThat(received.senderExternalUserId()).isEqualTo("alice");
      alice.signaling.send(
          new ClientMessage.SendData(
              "d2", "chat", Base64.getEncoder().encodeToString(new byte[2049]), null));
      assertThat(alice.signaling.status("d2").code()).isEqualTo(StatusCode.DATA_MESSAGE_TOO_LARGE);

      // A revoked token is refused.
      String carolId = attendees.get(2).get("AttendeeId").asText();
      assertThat(api.delete("/meetings/" + meetingId + "/attendees/" + carolId).status())
          .isEqualTo(204);
      try (SignalingTestClient carol = SignalingTestClient.connect(signalingUrl)) {
        carol.send(new ClientMessage.Join("j", 1, token(attendees, 2), null, null));
        ServerMessage.Ended refused = carol.await(ServerMessage.Ended.class);
        assertThat(refused.code()).isEqualTo(StatusCode.AUTHENTICATION_REJECTED);
        carol.awaitClosed(Duration.ofSeconds(2));
      }

      // DeleteAttendee disconnects a joined attendee within a second.
      int transports = server.media().transportCount();
      long deleted = System.nanoTime();
      assertThat(api.delete("/meetings/" + meetingId + "/attendees/" + bob.attendeeId()).status())
          .isEqualTo(204);
      ServerMessage.Ended ended = bob.signaling.await(ServerMessage.Ended.class);
      bob.signaling.awaitClosed(Duration.ofSeconds(1));
      assertThat(Duration.ofNanos(System.nanoTime() - deleted)).isLessThan(Duration.ofSeconds(1));
      assertThat(ended.code()).isEqualTo(StatusCode.ATTENDEE_REMOVED);
      alice.signaling.await(
          ServerMessage.Presence.class,
          p ->
              p.attendeeId().equals(bob.attendeeId())
                  && p.state() == ServerMessage.PresenceState.LEFT,
          Duration.ofSeconds(2));
      long waitUntil = System.nanoTime() + Duration.ofSeconds(1).toNanos();
      while (server.media().transportCount() >= transports && System.nanoTime() < waitUntil) {
        Thread.sleep(10);
      }
      assertThat(server.media().transportCount()).isEqualTo(transports - 1);
    }
  }

  private static void assertHears(ReceivedAudio audio, double expectedHz, double ownHz)
      throws InterruptedException {
    audio.awaitSamples(48_000, Duration.ofSeconds(10));
    short[] pcm = audio.recentPcm(Duration.ofMillis(500));
    assertThat(Tones.hears(pcm, audio.sampleRate(), expectedHz))
        .as("hears %s Hz", expectedHz)
        .isTrue();
    assertThat(Tones.hears(pcm, audio.sampleRate(), ownHz))
        .as("does not hear own %s Hz", ownHz)
        .isFalse();
  }

  private static String token(JsonNode attendees, int index) {
    return attendees.get(index).get("JoinToken").asText();
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
