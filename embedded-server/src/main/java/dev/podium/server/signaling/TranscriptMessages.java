package dev.podium.server.signaling;

import dev.podium.server.protocol.ServerMessage;
import dev.podium.server.transcription.Transcript;
import dev.podium.server.transcription.TranscriptAlternative;
import dev.podium.server.transcription.TranscriptEvent;
import dev.podium.server.transcription.TranscriptItem;
import dev.podium.server.transcription.TranscriptResult;
import dev.podium.server.transcription.TranscriptionStatus;
import java.util.List;

/** Turns transcription events into their signaling messages (Chime's shapes). */
final class TranscriptMessages {
  private TranscriptMessages() {}

  static ServerMessage toMessage(TranscriptEvent event) {
    if (event instanceof TranscriptionStatus status) {
      return new ServerMessage.TranscriptionStatus(
          status.type().wireName(),
          status.eventTimeMs(),
          status.transcriptionConfiguration(),
          status.message());
    }
    Transcript transcript = (Transcript) event;
    return new ServerMessage.Transcript(
        transcript.results().stream().map(TranscriptMessages::result).toList());
  }

  private static ServerMessage.TranscriptResultInfo result(TranscriptResult r) {
    return new ServerMessage.TranscriptResultInfo(
        r.resultId(),
        r.channelId(),
        r.isPartial(),
        r.startTimeMs(),
        r.endTimeMs(),
        r.alternatives().stream().map(TranscriptMessages::alternative).toList());
  }

  private static ServerMessage.TranscriptAlternativeInfo alternative(TranscriptAlternative a) {
    List<ServerMessage.TranscriptItemInfo> items =
        a.items().stream().map(TranscriptMessages::item).toList();
    return new ServerMessage.TranscriptAlternativeInfo(a.transcript(), items);
  }

  private static ServerMessage.TranscriptItemInfo item(TranscriptItem i) {
    return new ServerMessage.TranscriptItemInfo(
        i.type().wireName(),
        i.content(),
        i.startTimeMs(),
        i.endTimeMs(),
        new ServerMessage.TranscriptSpeaker(
            i.attendee().attendeeId(), i.attendee().externalUserId()),
        i.confidence());
  }
}
