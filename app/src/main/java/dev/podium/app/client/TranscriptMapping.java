package dev.podium.app.client;

import dev.podium.server.protocol.ServerMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Maps the protocol's {@code transcript} and {@code transcription-status} messages (see
 * docs/signaling.md) onto the SDK's own {@link TranscriptEvent} types, so applications do not
 * depend on the wire records.
 */
final class TranscriptMapping {
  private TranscriptMapping() {}

  static Transcript transcript(ServerMessage.Transcript message) {
    List<TranscriptResult> results = new ArrayList<>();
    if (message.results() != null) {
      for (ServerMessage.TranscriptResultInfo r : message.results()) {
        List<TranscriptAlternative> alternatives = new ArrayList<>();
        if (r.alternatives() != null) {
          for (ServerMessage.TranscriptAlternativeInfo a : r.alternatives()) {
            alternatives.add(new TranscriptAlternative(a.transcript(), items(a.items())));
          }
        }
        results.add(
            new TranscriptResult(
                r.resultId(),
                r.channelId(),
                r.isPartial(),
                r.startTimeMs(),
                r.endTimeMs(),
                alternatives));
      }
    }
    return new Transcript(results);
  }

  private static List<TranscriptItem> items(List<ServerMessage.TranscriptItemInfo> items) {
    List<TranscriptItem> out = new ArrayList<>();
    if (items != null) {
      for (ServerMessage.TranscriptItemInfo i : items) {
        out.add(
            new TranscriptItem(
                "punctuation".equalsIgnoreCase(i.type())
                    ? TranscriptItemType.PUNCTUATION
                    : TranscriptItemType.PRONUNCIATION,
                i.content(),
                i.startTimeMs(),
                i.endTimeMs(),
                i.attendee() == null ? null : i.attendee().attendeeId(),
                i.attendee() == null ? null : i.attendee().externalUserId(),
                i.confidence()));
      }
    }
    return out;
  }

  /** The status, or null for a status this SDK does not know (ignored). */
  static TranscriptionStatus status(ServerMessage.TranscriptionStatus message) {
    TranscriptionStatusType type;
    try {
      type =
          TranscriptionStatusType.valueOf(
              message.status() == null ? "" : message.status().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
    return new TranscriptionStatus(
        type, message.eventTimeMs(), message.languageCode(), message.message());
  }
}
