package dev.podium.server.signaling;

import dev.podium.media.routing.MediaKind;
import dev.podium.media.routing.Producer;
import dev.podium.server.meeting.Attendee;
import dev.podium.server.protocol.ServerMessage;
import dev.podium.server.transcription.TranscriptEvent;
import dev.podium.server.transcription.TranscriptionService;
import dev.podium.server.transcription.TranscriptionSettings;
import dev.podium.server.transcription.TranscriptionStatus;
import dev.podium.server.transcription.TranscriptionStatusType;
import java.util.HashMap;
import java.util.Map;

/**
 * Live captions of one primary meeting (issue 9): while they run, each speaker's audio producer has
 * a {@link CaptionFeed} that decodes its packets for the recogniser (off the mix, which never
 * waits), and events go to the primary's and every replica's attendees.
 */
final class MeetingCaptions {
  private final Room room;

  /** Media loop only: the caption feed tapped into each speaking producer. */
  private final Map<Producer, CaptionFeed> feeds = new HashMap<>();

  /** Guarded by the room's lock; created at the first start. */
  private TranscriptionService service;

  private volatile String languageCode;
  private volatile long startedAtMillis;

  MeetingCaptions(Room room) {
    this.room = room;
  }

  /**
   * Starts captions (idempotent while running).
   *
   * @throws dev.podium.server.transcription.TranscriptionException when refused
   */
  void start(String languageCode) {
    TranscriptionService current;
    synchronized (room.lock) {
      if (service != null && service.isRunning()) {
        return;
      }
      if (service == null) {
        service =
            new TranscriptionService(
                room.meeting.meetingId().toString(),
                room.rooms.speechEngine(),
                TranscriptionSettings.DEFAULTS,
                this::onTranscriptEvent,
                room.rooms.transcriptionMetrics());
      }
      current = service;
    }
    current.start(languageCode);
    this.languageCode = languageCode;
    this.startedAtMillis = System.currentTimeMillis();
    room.router.execute(
        () -> {
          for (Producer producer : room.router.producers()) {
            attach(producer);
          }
        });
  }

  void stop() {
    TranscriptionService current;
    synchronized (room.lock) {
      current = service;
    }
    if (current != null) {
      current.stop();
      room.router.execute(
          () -> {
            feeds.forEach(Producer::removeTap);
            feeds.clear();
          });
    }
  }

  /**
   * The status a newly joined attendee needs to know captions already run (null when they do not):
   * they would otherwise only learn it from the next transcript.
   */
  ServerMessage.TranscriptionStatus statusForLateJoiner() {
    TranscriptionService current = service;
    if (current == null || !current.isRunning()) {
      return null;
    }
    return new ServerMessage.TranscriptionStatus("started", startedAtMillis, languageCode, null);
  }

  /** Media loop: captions for one more speaker while transcription runs. */
  void attach(Producer producer) {
    TranscriptionService current = service;
    if (current == null
        || !current.isRunning()
        || producer.kind() != MediaKind.AUDIO
        || feeds.containsKey(producer)
        || room.isContent(producer)) {
      return;
    }
    Attendee speaker = room.rooms.identityOf(producer);
    if (speaker == null) {
      return;
    }
    CaptionFeed feed =
        new CaptionFeed(speaker.attendeeId().toString(), speaker.externalUserId(), current);
    feeds.put(producer, feed);
    producer.addTap(feed);
  }

  /** Media loop: the producer left. */
  void detach(Producer producer) {
    feeds.remove(producer);
  }

  void close() {
    TranscriptionService current;
    synchronized (room.lock) {
      current = service;
    }
    if (current != null) {
      current.close();
    }
  }

  /** Worker threads: captions and status to the primary's and every replica's attendees. */
  private void onTranscriptEvent(TranscriptEvent event) {
    if (event instanceof TranscriptionStatus s && s.type() != TranscriptionStatusType.FAILED) {
      room.rooms
          .meetings()
          .events()
          .onTranscriptionChanged(
              room.meeting,
              s.type() == TranscriptionStatusType.STARTED,
              s.transcriptionConfiguration());
    }
    ServerMessage message = TranscriptMessages.toMessage(event);
    synchronized (room.lock) {
      room.broadcastGroup(message, null);
    }
  }
}
