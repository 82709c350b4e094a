package dev.podium.server.notifications;

import static dev.podium.server.notifications.WebhookReceiver.type;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.server.api.ApiClient;
import dev.podium.server.boot.PodiumServer;
import dev.podium.server.boot.ServerConfig;
import dev.podium.server.protocol.ClientMessage;
import dev.podium.server.protocol.ServerMessage;
import dev.podium.server.protocol.StatusCode;
import dev.podium.server.signaling.SignalingFixtures;
import dev.podium.server.signaling.SignalingFixtures.Session;
import dev.podium.server.signaling.SignalingFixtures.TestAttendee;
import dev.podium.server.signaling.SignalingFixtures.TestMeeting;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Webhooks to a receiver on 127.0.0.1: every life-cycle event arrives once, in order per meeting,
 * with a valid signature; a tampered body fails verification; a receiver that is down delays
 * delivery (retries with back-off) without slowing the meeting.
 */
class WebhookDeliveryTest {
  private static final String KEY = "webhook-delivery-test-key-01";
  private static final byte[] SECRET =
      "webhook-test-secret-0123456789abcdef".getBytes(StandardCharsets.UTF_8);
  private static final Duration WAIT = Duration.ofSeconds(10);

  private static PodiumServer start(WebhookReceiver receiver) {
    WebhookSettings webhooks =
        WebhookSettings.of(List.of(receiver.url()), SECRET)
            .withBackoff(Duration.ofMillis(100), Duration.ofMillis(800))
            .withRequestTimeout(Duration.ofSeconds(2));
    return PodiumServer.start(ServerConfig.ephemeral(KEY).withWebhooks(webhooks));
  }

  @Test
  void everyEventArrivesOnceInOrderPerMeetingWithAValidSignature() throws Exception {
    try (WebhookReceiver receiver = new WebhookReceiver();
        PodiumServer server = start(receiver)) {
      ApiClient api = new ApiClient("http://127.0.0.1:" + server.httpPort(), KEY);
      TestMeeting primary =
          SignalingFixtures.createMeeting(api, "{\"ExternalMeetingId\":\"town-hall\"}");
      TestMeeting replica =
          SignalingFixtures.createMeeting(
              api, "{\"PrimaryMeetingId\":\"" + primary.meetingId() + "\"}");
      TestMeeting other = SignalingFixtures.createMeeting(api, "{}");
      TestAttendee alice = SignalingFixtures.createAttendee(api, primary, "alice");
      TestAttendee dropper = SignalingFixtures.createAttendee(api, primary, "dropper");
      TestAttendee stage = SignalingFixtures.createAttendee(api, primary, "stage-seat");
      TestAttendee viewer = SignalingFixtures.createAttendee(api, replica, "viewer");
      TestAttendee carol = SignalingFixtures.createAttendee(api, other, "carol");

      // The drop needs the 30 s resume window to pass: start it first, do the rest meanwhile.
      Session dropping = SignalingFixtures.join(primary, dropper);
      dropping.client().abort();
      long dropStart = System.nanoTime();

      Session aliceSession = SignalingFixtures.join(primary, alice);
      Session carolSession = SignalingFixtures.join(other, carol);
      Session viewerSession = SignalingFixtures.join(replica, viewer);
      viewerSession.client().send(new ClientMessage.Promote("p", stage.joinToken()));
      viewerSession.client().await(ServerMessage.Promoted.class, p -> true, WAIT);
      viewerSession.client().send(new ClientMessage.Demote("d"));
      assertThat(viewerSession.client().await(ServerMessage.Demoted.class).code())
          .isEqualTo(StatusCode.DEMOTED_BY_CLIENT);
      carolSession.client().send(new ClientMessage.Leave("bye"));
      carolSession.client().awaitClosed(WAIT);
      assertThat(
              api.post("/meetings/" + primary.meetingId() + "/transcription?operation=start", "")
                  .status())
          .isEqualTo(200);
      assertThat(
              api.post("/meetings/" + primary.meetingId() + "/transcription?operation=stop", "")
                  .status())
          .isEqualTo(200);
      aliceSession.client().send(new ClientMessage.Leave("bye"));
      aliceSession.client().awaitClosed(WAIT);
      assertThat(api.delete("/meetings/" + other.meetingId()).status()).isEqualTo(204);
      receiver.await(type("attendee.dropped"), Duration.ofSeconds(40));
      System.out.printf(
          "attendee.dropped arrived %d ms after the connection was cut%n",
          (System.nanoTime() - dropStart) / 1_000_000);
      assertThat(api.delete("/meetings/" + primary.meetingId()).status()).isEqualTo(204);
      receiver.await(
          d ->
              d.eventType().equals("meeting.ended")
                  && d.json().get("meetingId").asText().equals(primary.meetingId()),
          WAIT);
      viewerSession.close();

      Map<String, List<String>> byMeetingGroup = new LinkedHashMap<>();
      Map<String, List<Long>> sequences = new LinkedHashMap<>();
      Set<String> eventIds = new HashSet<>();
      long now = System.currentTimeMillis() / 1000;
      for (WebhookReceiver.Delivery d : receiver.deliveries()) {
        assertThat(ExampleVerifier.verify(SECRET, d.signature(), d.body(), now))
            .as("signature of %s", d.eventType())
            .isTrue();
        assertThat(eventIds.add(d.json().get("eventId").asText())).as("delivered once").isTrue();
        assertThat(d.json().get("eventType").asText()).isEqualTo(d.eventType());
        String group =
            d.json().has("primaryMeetingId")
                ? d.json().get("primaryMeetingId").asText()
                : d.json().get("meetingId").asText();
        String label = d.eventType();
        if (d.json().has("externalUserId")) {
          label += ":" + d.json().get("externalUserId").asText();
        }
        byMeetingGroup.computeIfAbsent(group, g -> new ArrayList<>()).add(label);
        sequences
            .computeIfAbsent(group, g -> new ArrayList<>())
            .add(d.json().get("sequence").asLong());
      }
      assertThat(byMeetingGroup.get(primary.meetingId()))
          .containsExactly(
              "meeting.started",
              "replica.created",
              "attendee.joined:dropper",
              "attendee.joined:alice",
              "attendee.joined:viewer",
              "attendee.promoted:viewer",
              "attendee.demoted:viewer",
              "transcription.started",
              "transcription.stopped",
              "attendee.left:alice",
              "attendee.dropped:dropper",
              "replica.deleted",
              "meeting.ended");
      assertThat(byMeetingGroup.get(other.meetingId()))
          .containsExactly(
              "meeting.started", "attendee.joined:carol", "attendee.left:carol", "meeting.ended");
      for (List<Long> seq : sequences.values()) {
        for (int i = 0; i < seq.size(); i++) {
          assertThat(seq.get(i)).isEqualTo(i + 1L);
        }
      }
      WebhookReceiver.Delivery promoted = receiver.await(type("attendee.promoted"), WAIT);
      assertThat(promoted.json().get("meetingId").asText()).isEqualTo(replica.meetingId());
      assertThat(promoted.json().get("primaryAttendeeId").asText()).isEqualTo(stage.attendeeId());
      assertThat(
              receiver
                  .await(type("meeting.started"), WAIT)
                  .json()
                  .get("externalMeetingId")
                  .asText())
          .isEqualTo("town-hall");
    }
  }

  @Test
  void aTamperedBodyFailsVerification() throws Exception {
    try (WebhookReceiver receiver = new WebhookReceiver();
        PodiumServer server = start(receiver)) {
      ApiClient api = new ApiClient("http://127.0.0.1:" + server.httpPort(), KEY);
      SignalingFixtures.createMeeting(api, "{}");
      WebhookReceiver.Delivery d = receiver.await(type("meeting.started"), WAIT);
      long now = System.currentTimeMillis() / 1000;
      assertThat(ExampleVerifier.verify(SECRET, d.signature(), d.body(), now)).isTrue();
      byte[] tampered =
          new String(d.body(), StandardCharsets.UTF_8)
              .replace("meeting.started", "meeting.ended")
              .getBytes(StandardCharsets.UTF_8);
      assertThat(ExampleVerifier.verify(SECRET, d.signature(), tampered, now)).isFalse();
      byte[] otherSecret = "not-the-webhook-secret-0123456789".getBytes(StandardCharsets.UTF_8);
      assertThat(ExampleVerifier.verify(otherSecret, d.signature(), d.body(), now)).isFalse();
      assertThat(ExampleVerifier.verify(SECRET, d.signature(), d.body(), now + 600)).isFalse();
    }
  }

  @Test
  void aReceiverThatIsDownDelaysDeliveryWithoutAffectingTheMeeting() throws Exception {
    try (WebhookReceiver receiver = new WebhookReceiver();
        PodiumServer server = start(receiver)) {
      receiver.failNext.set(4); // back-off 100, 200, 400, 800 ms: ~1.5 s of refusals
      ApiClient api = new ApiClient("http://127.0.0.1:" + server.httpPort(), KEY);
      long created = System.nanoTime();
      TestMeeting meeting = SignalingFixtures.createMeeting(api, "{}");
      TestAttendee alice = SignalingFixtures.createAttendee(api, meeting, "alice");

      long joinStart = System.nanoTime();
      try (Session session = SignalingFixtures.join(meeting, alice)) {
        long joinMillis = (System.nanoTime() - joinStart) / 1_000_000;
        assertThat(joinMillis).as("join while the receiver is down").isLessThan(1000);
        assertThat(receiver.deliveries()).isEmpty();

        WebhookReceiver.Delivery started = receiver.await(type("meeting.started"), WAIT);
        WebhookReceiver.Delivery joined = receiver.await(type("attendee.joined"), WAIT);
        long delayMillis = (started.atNanos() - created) / 1_000_000;
        System.out.printf(
            "join took %d ms with the receiver down; meeting.started delivered after %d ms and"
                + " %d refusals%n",
            joinMillis, delayMillis, receiver.refused.get());
        assertThat(receiver.refused.get()).isEqualTo(4);
        assertThat(delayMillis).isGreaterThanOrEqualTo(1400);
        assertThat(joined.atNanos()).isGreaterThan(started.atNanos());
        assertThat(api.get("/metrics").raw())
            .contains("podium_webhook_attempts_total{result=\"failed\"} 4")
            .contains("podium_webhook_attempts_total{result=\"delivered\"}");
      }
    }
  }
}
