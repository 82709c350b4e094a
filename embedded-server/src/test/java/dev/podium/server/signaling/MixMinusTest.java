package dev.podium.server.signaling;

import static dev.podium.server.signaling.ReplicationTestSupport.awaitTone;
import static dev.podium.server.signaling.ReplicationTestSupport.signalingUrl;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.podium.server.api.ApiClient;
import dev.podium.server.boot.PodiumServer;
import dev.podium.server.boot.ServerConfig;
import dev.podium.server.protocol.ClientMessage;
import dev.podium.server.protocol.ServerMessage;
import dev.podium.testkit.PeerEnvironment;
import dev.podium.testkit.ReceivedAudio;
import dev.podium.testkit.TestPeer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The server-side mix with real peers: three speakers with different tones and a silent listener;
 * by spectral analysis each speaker hears the other two and not itself, the listener hears all
 * three, and a muted speaker disappears from every mix.
 */
class MixMinusTest {
  private static final String KEY = "mix-minus-test-key-01234";
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final double[] TONES = {440, 660, 880};

  @Test
  void everyoneHearsTheOthersButNotThemselvesAndMutedSpeakersAreGone() throws Exception {
    try (PodiumServer server = PodiumServer.start(ServerConfig.ephemeral(KEY));
        PeerEnvironment peers = PeerEnvironment.create()) {
      ReplicationTestSupport control =
          new ReplicationTestSupport(new ApiClient("http://127.0.0.1:" + server.httpPort(), KEY));
      JsonNode meeting = control.createMeeting("{}");
      String meetingId = meeting.get("MeetingId").asText();
      List<JoinedPeer> speakers = new ArrayList<>();
      JoinedPeer listener = null;
      try {
        for (int i = 0; i < TONES.length; i++) {
          JsonNode creds = control.createAttendee(meetingId, "speaker-" + i, null);
          TestPeer peer = peers.newPeer("speaker-" + i).sendAudio(TONES[i]).receiveAudio(1).build();
          JoinedPeer joined = JoinedPeer.join(peer, signalingUrl(meeting), token(creds));
          joined.negotiate(List.of());
          speakers.add(joined);
        }
        JsonNode listenerCreds = control.createAttendee(meetingId, "listener", null);
        listener =
            JoinedPeer.join(
                peers.newPeer("listener").receiveAudio(1).build(),
                signalingUrl(meeting),
                token(listenerCreds));
        listener.negotiate(List.of());

        for (int i = 0; i < TONES.length; i++) {
          ReceivedAudio heard = speakers.get(i).peer.receivedAudio().get(0);
          for (int j = 0; j < TONES.length; j++) {
            awaitTone(heard, TONES[j], i != j, WAIT);
          }
        }
        ReceivedAudio all = listener.peer.receivedAudio().get(0);
        for (double tone : TONES) {
          awaitTone(all, tone, true, WAIT);
        }
        ServerMessage.Volumes volumes =
            listener.signaling.await(
                ServerMessage.Volumes.class, v -> v.activeSpeakers().size() == 3, WAIT);
        assertThat(volumes.activeSpeakers())
            .containsExactlyInAnyOrderElementsOf(
                speakers.stream().map(JoinedPeer::attendeeId).toList());

        // Mute the 660 Hz speaker: it leaves every mix.
        JoinedPeer muted = speakers.get(1);
        muted.signaling.send(new ClientMessage.SetMute("m", true));
        awaitTone(all, TONES[1], false, WAIT);
        awaitTone(speakers.get(0).peer.receivedAudio().get(0), TONES[1], false, WAIT);
        awaitTone(speakers.get(2).peer.receivedAudio().get(0), TONES[1], false, WAIT);
        awaitTone(all, TONES[0], true, WAIT);
        awaitTone(all, TONES[2], true, WAIT);
        listener.signaling.await(
            ServerMessage.MuteState.class,
            m -> m.attendeeId().equals(muted.attendeeId()) && m.muted(),
            WAIT);
      } finally {
        for (JoinedPeer p : speakers) {
          p.signaling.close();
        }
        if (listener != null) {
          listener.signaling.close();
        }
      }
    }
  }

  private static String token(JsonNode attendee) {
    return attendee.get("JoinToken").asText();
  }
}
