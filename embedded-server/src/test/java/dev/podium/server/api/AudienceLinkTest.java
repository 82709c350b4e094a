package dev.podium.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.podium.server.api.ApiClient.Reply;
import dev.podium.server.boot.PodiumServer;
import dev.podium.server.boot.ServerConfig;
import dev.podium.server.meeting.MeetingLimits;
import dev.podium.server.protocol.ClientMessage;
import dev.podium.server.protocol.ServerMessage;
import dev.podium.server.signaling.SignalingTestClient;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The webinar audience link: viewers get seats in the least-loaded replica with room, replicas are
 * created up to the quota, a passcode protects it, and a full webinar refuses clearly.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AudienceLinkTest {
  private static final String KEY = "audience-link-key-0123456";
  private static PodiumServer server;
  private static ApiClient api;

  @BeforeAll
  static void start() {
    server =
        PodiumServer.start(
            ServerConfig.ephemeral(KEY)
                .withLimits(
                    MeetingLimits.DEFAULTS
                        .withMaxConnectedAttendees(2)
                        .withMaxReplicasPerPrimary(2)));
    api = new ApiClient("http://127.0.0.1:" + server.httpPort(), KEY);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  @Order(1)
  void viewersAreSeatedInReplicasUntilTheWebinarIsFull() throws Exception {
    String primaryId = api.post("/meetings", "{}").json().get("Meeting").get("MeetingId").asText();
    String audiencePath = "/v1/audience/" + primaryId;

    Reply closed = api.send("POST", audiencePath, "{\"ExternalUserId\":\"early\"}", null);
    assertThat(closed.status()).isEqualTo(404);
    assertThat(closed.json().get("Code").asText()).isEqualTo("NotFound");

    Reply opened = api.put("/meetings/" + primaryId + "/audience", "{\"Passcode\":\"letmein\"}");
    assertThat(opened.status()).as(opened.raw()).isEqualTo(200);
    assertThat(opened.json().get("AudienceLink").get("Url").asText())
        .endsWith(audiencePath)
        .startsWith("http://");
    assertThat(opened.json().get("AudienceLink").get("PasscodeRequired").asBoolean()).isTrue();

    assertThat(api.send("POST", audiencePath, "{}", null).status()).isEqualTo(403);
    assertThat(api.send("POST", audiencePath, "{\"Passcode\":\"guess\"}", null).status())
        .isEqualTo(403);

    Set<String> replicas = new HashSet<>();
    for (int i = 0; i < 4; i++) {
      Reply seat =
          api.send(
              "POST",
              audiencePath,
              "{\"Passcode\":\"letmein\",\"ExternalUserId\":\"viewer-" + i + "\"}",
              null);
      assertThat(seat.status()).as(seat.raw()).isEqualTo(200);
      JsonNode meeting = seat.json().get("Meeting");
      assertThat(meeting.get("PrimaryMeetingId").asText()).isEqualTo(primaryId);
      assertThat(seat.json().get("Attendee").get("JoinToken").asText()).isNotBlank();
      assertThat(seat.json().get("Attendee").get("ExternalUserId").asText())
          .isEqualTo("viewer-" + i);
      replicas.add(meeting.get("MeetingId").asText());
      if (i == 0) {
        joinWith(meeting, seat.json().get("Attendee"));
      }
    }
    assertThat(replicas).as("two replicas of two seats each").hasSize(2);

    Reply full = api.send("POST", audiencePath, "{\"Passcode\":\"letmein\"}", null);
    assertThat(full.status()).isEqualTo(429);
    assertThat(full.json().get("Code").asText()).isEqualTo("LimitExceeded");
    assertThat(full.json().get("Message").asText()).contains("full");

    String replicaId = replicas.iterator().next();
    Reply ofReplica = api.put("/meetings/" + replicaId + "/audience", "{}");
    assertThat(ofReplica.status()).isEqualTo(400);
    assertThat(api.delete("/meetings/" + primaryId + "/audience").status()).isEqualTo(204);
    assertThat(api.send("POST", audiencePath, "{\"Passcode\":\"letmein\"}", null).status())
        .isEqualTo(404);
  }

  @Test
  @Order(2) // last: it empties this address's audience bucket
  void aFloodOfAudienceRequestsIsThrottled() {
    String primaryId = api.post("/meetings", "{}").json().get("Meeting").get("MeetingId").asText();
    int throttled = 0;
    for (int i = 0; i < 40; i++) {
      Reply reply = api.send("POST", "/v1/audience/" + primaryId, "{}", null);
      if (reply.status() == 429 && reply.json().get("Code").asText().equals("Throttling")) {
        throttled++;
      }
    }
    assertThat(throttled).isPositive();
  }

  private static void joinWith(JsonNode meeting, JsonNode attendee) throws InterruptedException {
    String url = meeting.get("MediaPlacement").get("SignalingUrl").asText();
    try (SignalingTestClient client = SignalingTestClient.connect(url)) {
      client.send(new ClientMessage.Join("j", 1, attendee.get("JoinToken").asText(), null, null));
      ServerMessage.Joined joined = client.await(ServerMessage.Joined.class);
      assertThat(joined.meeting().primaryMeetingId()).isNotNull();
      assertThat(joined.canStartLocalVideo()).isFalse();
    }
  }
}
