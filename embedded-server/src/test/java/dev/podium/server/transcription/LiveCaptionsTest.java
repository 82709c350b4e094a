package dev.podium.server.transcription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.podium.server.api.ApiClient;
import dev.podium.server.boot.PodiumServer;
import dev.podium.server.boot.ServerConfig;
import dev.podium.server.protocol.ClientMessage;
import dev.podium.server.protocol.ServerMessage;
import dev.podium.server.signaling.JoinedPeer;
import dev.podium.server.signaling.SignalingTestClient;
import dev.podium.testkit.PcmSource;
import dev.podium.testkit.PeerEnvironment;
import dev.podium.testkit.TestPeer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Live captions end to end: a real webrtc-java peer speaks a recorded sentence in the primary; an
 * attendee of the primary and a viewer of a replica receive partial captions, then a final one
 * close to the sentence, attributed to the speaker; nothing after stop.
 */
class LiveCaptionsTest {
  private static final String KEY = "live-captions-test-key-01";
  private static final Duration WAIT = Duration.ofSeconds(20);

  @Test
  void primaryAndReplicaAttendeesReceiveCaptionsOfTheSpeaker() throws Exception {
    short[] sentence = SpeechFixtures.fox48k();
    AtomicInteger position = new AtomicInteger(-1); // -1: silent until the sentence is started
    PcmSource speech =
        block -> {
          int at = position.get();
          for (int i = 0; i < block.length; i++) {
            block[i] = at >= 0 && at + i < sentence.length ? sentence[at + i] : 0;
          }
          if (at >= 0) {
            position.set(Math.min(at + block.length, sentence.length));
          }
        };
    try (PodiumServer server = PodiumServer.start(ServerConfig.ephemeral(KEY));
        PeerEnvironment peers = PeerEnvironment.create()) {
      ApiClient api = new ApiClient("http://127.0.0.1:" + server.httpPort(), KEY);
      JsonNode primary = api.post("/meetings", "{}").json().get("Meeting");
      String primaryId = primary.get("MeetingId").asText();
      JsonNode replica =
          api.post("/meetings", "{\"PrimaryMeetingId\":\"" + primaryId + "\"}")
              .json()
              .get("Meeting");
      JsonNode speakerCreds = attendee(api, primaryId, "speaker");
      JsonNode listenerCreds = attendee(api, primaryId, "listener");
      JsonNode viewerCreds = attendee(api, replica.get("MeetingId").asText(), "viewer");

      TestPeer speakerPeer = peers.newPeer("speaker").sendAudio(speech).receiveAudio(1).build();
      try (JoinedPeer speaker = JoinedPeer.join(speakerPeer, url(primary), token(speakerCreds));
          SignalingTestClient listener = join(url(primary), listenerCreds);
          SignalingTestClient viewer = join(url(replica), viewerCreds)) {
        speaker.negotiate(List.of());
        speakerPeer.awaitAudioPushed(50, WAIT);

        ApiClient.Reply started =
            api.post(
                "/meetings/" + primaryId + "/transcription?operation=start",
                "{\"TranscriptionConfiguration\":{\"EngineTranscribeSettings\":"
                    + "{\"LanguageCode\":\"en-US\"}}}");
        assertThat(started.status()).as(started.raw()).isEqualTo(200);
        for (SignalingTestClient client : List.of(listener, viewer)) {
          assertThat(
                  client.await(ServerMessage.TranscriptionStatus.class, s -> true, WAIT).status())
              .isEqualTo("started");
        }

        // Someone who joins while captions run is told at once.
        JsonNode lateCreds = attendee(api, replica.get("MeetingId").asText(), "late-viewer");
        try (SignalingTestClient late = join(url(replica), lateCreds)) {
          assertThat(late.await(ServerMessage.TranscriptionStatus.class, s -> true, WAIT).status())
              .isEqualTo("started");
        }

        position.set(0); // speak
        for (SignalingTestClient client : List.of(listener, viewer)) {
          ServerMessage.Transcript partial =
              client.await(
                  ServerMessage.Transcript.class,
                  t -> t.results().stream().anyMatch(ServerMessage.TranscriptResultInfo::isPartial),
                  WAIT);
          String resultId = partial.results().get(0).resultId();
          ServerMessage.Transcript last =
              client.await(
                  ServerMessage.Transcript.class,
                  t ->
                      t.results().stream()
                          .anyMatch(r -> !r.isPartial() && r.resultId().equals(resultId)),
                  WAIT);
          ServerMessage.TranscriptResultInfo result = last.results().get(0);
          String text = result.alternatives().get(0).transcript();
          assertThat(WordErrorRate.of(SpeechFixtures.FOX_TEXT, text))
              .as("word error rate of '%s'", text)
              .isLessThanOrEqualTo(0.35);
          assertThat(result.alternatives().get(0).items())
              .isNotEmpty()
              .allSatisfy(
                  item -> {
                    assertThat(item.attendee().attendeeId()).isEqualTo(speaker.attendeeId());
                    assertThat(item.attendee().externalUserId()).isEqualTo("speaker");
                  });
        }

        assertThat(
                api.post("/meetings/" + primaryId + "/transcription?operation=stop", "").status())
            .isEqualTo(200);
        listener.await(
            ServerMessage.TranscriptionStatus.class, s -> s.status().equals("stopped"), WAIT);
        listener.clear();
        position.set(0); // speak again: no captions now
        assertThatThrownBy(
                () ->
                    listener.await(
                        ServerMessage.Transcript.class, t -> true, Duration.ofSeconds(4)))
            .as("captions after stop")
            .isInstanceOf(AssertionError.class);
      }
    }
  }

  private static JsonNode attendee(ApiClient api, String meetingId, String name) {
    return api.post(
            "/meetings/" + meetingId + "/attendees", "{\"ExternalUserId\":\"" + name + "\"}")
        .json()
        .get("Attendee");
  }

  private static SignalingTestClient join(String url, JsonNode creds) throws InterruptedException {
    SignalingTestClient client = SignalingTestClient.connect(url);
    client.send(new ClientMessage.Join("j", 1, token(creds), null, null));
    client.await(ServerMessage.Joined.class);
    return client;
  }

  private static String url(JsonNode meeting) {
    return meeting.get("MediaPlacement").get("SignalingUrl").asText();
  }

  private static String token(JsonNode attendee) {
    return attendee.get("JoinToken").asText();
  }
}
