package dev.podium.app;

import dev.podium.app.client.Transcript;
import dev.podium.app.client.TranscriptAlternative;
import dev.podium.app.client.TranscriptItem;
import dev.podium.app.client.TranscriptItemType;
import dev.podium.app.client.TranscriptResult;
import dev.podium.app.client.TranscriptionStatus;
import dev.podium.app.client.TranscriptionStatusType;
import java.util.ArrayList;
import java.util.List;

/** Synthetic transcript events shaped as the server sends them (one result, words as items). */
public final class TestTranscripts {
  private TestTranscripts() {}

  /** A transcript with one result of {@code text} spoken by {@code attendeeId}. */
  public static Transcript caption(
      String resultId, String attendeeId, String externalUserId, String text, boolean partial) {
    List<TranscriptItem> items = new ArrayList<>();
    long t = 0;
    for (String word : text.split(" ")) {
      if (!word.isEmpty()) {
        items.add(
            new TranscriptItem(
                TranscriptItemType.PRONUNCIATION,
                word,
                t,
                t + 300,
                attendeeId,
                externalUserId,
                0.9));
        t += 300;
      }
    }
    return new Transcript(
        List.of(
            new TranscriptResult(
                resultId, "ch_0", partial, 0, t, List.of(new TranscriptAlternative(text, items)))));
  }

  public static TranscriptionStatus status(TranscriptionStatusType type) {
    return new TranscriptionStatus(type, System.currentTimeMillis(), "en-US", null);
  }
}
