package dev.podium.server.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.server.meeting.Attendee;
import dev.podium.server.meeting.AttendeeId;
import dev.podium.server.meeting.AttendeeRole;
import dev.podium.server.meeting.Capabilities;
import dev.podium.server.meeting.Meeting;
import dev.podium.server.meeting.MeetingFeatures;
import dev.podium.server.meeting.MeetingId;
import dev.podium.server.metrics.MetricsRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookNotifierTest {
  private static final byte[] SECRET =
      "notifier-test-secret-0123456789ab".getBytes(StandardCharsets.UTF_8);

  @Test
  void keepsOnlyTheNewestEventsWhileTheReceiverIsDownAndCountsTheDropped() throws Exception {
    try (WebhookReceiver receiver = new WebhookReceiver()) {
      receiver.failNext.set(3);
      MetricsRegistry metrics = new MetricsRegistry();
      WebhookSettings settings =
          WebhookSettings.of(List.of(receiver.url()), SECRET)
              .withBackoff(Duration.ofMillis(100), Duration.ofMillis(200))
              .withMaxQueuedEvents(3);
      MeetingId id = MeetingId.random();
      Meeting meeting =
          new Meeting(id, null, "local", null, MeetingFeatures.defaults(250), Instant.now());
      try (WebhookNotifier notifier = new WebhookNotifier(settings, metrics, Clock.systemUTC())) {
        for (int i = 1; i <= 5; i++) {
          notifier.onAttendeeJoined(
              meeting,
              new Attendee(
                  AttendeeId.random(), id, "user-" + i, Capabilities.ALL, AttendeeRole.PRESENTER));
        }
        receiver.await(
            d -> d.json().get("externalUserId").asText().equals("user-5"), Duration.ofSeconds(10));
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!metrics.scrape().contains("podium_webhook_queued_events 0")
            && System.nanoTime() < deadline) {
          Thread.sleep(10); // the last answer is counted once the receiver has replied
        }
      }
      assertThat(receiver.deliveries())
          .extracting(d -> d.json().get("externalUserId").asText() + "#" + d.json().get("sequence"))
          .containsExactly("user-3#3", "user-4#4", "user-5#5");
      assertThat(metrics.scrape())
          .contains("podium_webhook_dropped_total 2")
          .contains("podium_webhook_attempts_total{result=\"failed\"} 3")
          .contains("podium_webhook_attempts_total{result=\"delivered\"} 3");
    }
  }
}
