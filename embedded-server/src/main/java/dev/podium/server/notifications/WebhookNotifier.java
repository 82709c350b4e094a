package dev.podium.server.notifications;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.podium.server.meeting.Attendee;
import dev.podium.server.meeting.Meeting;
import dev.podium.server.meeting.MeetingDeletionReason;
import dev.podium.server.meeting.ServerEventListener;
import dev.podium.server.metrics.MetricsRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Turns server events into webhook bodies and hands them to one {@link WebhookSender} per URL. Each
 * body carries a {@code sequence} that counts up per meeting group (a primary and its replicas), so
 * a receiver can check order and notice gaps. Enqueuing is quick and never blocks: safe to call
 * under a meeting's lock.
 */
public final class WebhookNotifier implements ServerEventListener, AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<WebhookSender> senders = new ArrayList<>();
  private final WebhookMetrics metrics;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private final ExecutorService httpThreads;
  private final Map<String, Long> sequences = new HashMap<>();

  public WebhookNotifier(WebhookSettings settings, MetricsRegistry registry, Clock clock) {
    this.metrics = new WebhookMetrics(registry);
    this.clock = clock;
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "podium-webhooks");
              t.setDaemon(true);
              return t;
            });
    this.httpThreads =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "podium-webhooks-http");
              t.setDaemon(true);
              return t;
            });
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(settings.requestTimeout())
            .executor(httpThreads)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    WebhookSignature signature = new WebhookSignature(settings.secret());
    for (URI url : settings.urls()) {
      senders.add(new WebhookSender(url, signature, settings, http, scheduler, metrics, clock));
    }
    registry.gauge(
        "podium_webhook_queued_events",
        "Webhook events not yet delivered, over all URLs",
        () -> senders.stream().mapToInt(WebhookSender::queued).sum());
  }

  // ---- ServerEventListener ----

  @Override
  public void onMeetingStarted(Meeting meeting) {
    emit(
        meeting,
        meeting.isReplica() ? WebhookEventType.REPLICA_CREATED : WebhookEventType.MEETING_STARTED,
        body -> {});
  }

  @Override
  public void onMeetingEnded(Meeting meeting, MeetingDeletionReason reason) {
    emit(
        meeting,
        meeting.isReplica() ? WebhookEventType.REPLICA_DELETED : WebhookEventType.MEETING_ENDED,
        body -> body.put("reason", reason.name()));
    if (!meeting.isReplica()) {
      synchronized (this) {
        sequences.remove(meeting.meetingId().toString());
      }
    }
  }

  @Override
  public void onAttendeeJoined(Meeting meeting, Attendee attendee) {
    emit(meeting, WebhookEventType.ATTENDEE_JOINED, body -> attendee(body, attendee));
  }

  @Override
  public void onAttendeeLeft(Meeting meeting, Attendee attendee, boolean dropped) {
    emit(
        meeting,
        dropped ? WebhookEventType.ATTENDEE_DROPPED : WebhookEventType.ATTENDEE_LEFT,
        body -> attendee(body, attendee));
  }

  @Override
  public void onAttendeePromoted(Meeting replica, Attendee viewer, Attendee primaryAttendee) {
    emit(
        replica,
        WebhookEventType.ATTENDEE_PROMOTED,
        body -> {
          attendee(body, viewer);
          body.put("primaryAttendeeId", primaryAttendee.attendeeId().toString());
          body.put("primaryExternalUserId", primaryAttendee.externalUserId());
        });
  }

  @Override
  public void onAttendeeDemoted(
      Meeting replica, Attendee viewer, Attendee primaryAttendee, String reason) {
    emit(
        replica,
        WebhookEventType.ATTENDEE_DEMOTED,
        body -> {
          attendee(body, viewer);
          body.put("primaryAttendeeId", primaryAttendee.attendeeId().toString());
          body.put("primaryExternalUserId", primaryAttendee.externalUserId());
          body.put("reason", reason);
        });
  }

  @Override
  public void onTranscriptionChanged(Meeting meeting, boolean started, String languageCode) {
    emit(
        meeting,
        started ? WebhookEventType.TRANSCRIPTION_STARTED : WebhookEventType.TRANSCRIPTION_STOPPED,
        body -> {
          if (languageCode != null) {
            body.put("languageCode", languageCode);
          }
        });
  }

  // ---- bodies ----

  private static void attendee(ObjectNode body, Attendee attendee) {
    body.put("attendeeId", attendee.attendeeId().toString());
    body.put("externalUserId", attendee.externalUserId());
    body.put("role", attendee.role().name().toLowerCase(Locale.ROOT));
  }

  private void emit(Meeting meeting, WebhookEventType type, Consumer<ObjectNode> details) {
    String group = meeting.primary().orElse(meeting.meetingId()).toString();
    String eventId = UUID.randomUUID().toString();
    Instant now = clock.instant();
    metrics.emitted(type.wireName());
    // One lock for numbering and queueing, so that each group's queue holds sequence order.
    synchronized (this) {
      long sequence = sequences.merge(group, 1L, Long::sum);
      ObjectNode body = JSON.createObjectNode();
      body.put("eventId", eventId);
      body.put("eventType", type.wireName());
      body.put("sequence", sequence);
      body.put("timestamp", now.toString());
      body.put("meetingId", meeting.meetingId().toString());
      meeting.primary().ifPresent(p -> body.put("primaryMeetingId", p.toString()));
      meeting.externalId().ifPresent(e -> body.put("externalMeetingId", e));
      details.accept(body);
      byte[] bytes;
      try {
        bytes = JSON.writeValueAsBytes(body);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("cannot write a webhook body", e);
      }
      for (WebhookSender sender : senders) {
        sender.enqueue(group, type.wireName(), eventId, bytes);
      }
    }
  }

  /** Stops delivering; undelivered events are lost (they are counted as queued until then). */
  @Override
  public void close() {
    for (WebhookSender sender : senders) {
      sender.close();
    }
    scheduler.shutdownNow();
    httpThreads.shutdownNow();
    try {
      scheduler.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
