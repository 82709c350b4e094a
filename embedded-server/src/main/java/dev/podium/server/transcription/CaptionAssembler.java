package dev.podium.server.transcription;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Turns one speaker's {@link RecognitionResult}s into Chime-shaped {@link TranscriptResult}s: a
 * result id per utterance, partials only when their text changed, a final that closes the id, and
 * (optionally) a capitalised first word and a closing period. Partial results carry no word times
 * from the engine, so their items share out the utterance's span evenly.
 */
final class CaptionAssembler {
  private final TranscriptAttendee attendee;
  private final boolean prettify;
  private String resultId;
  private String lastPartial = "";
  private long segmentStartMillis; // recogniser-relative start of the current utterance

  CaptionAssembler(TranscriptAttendee attendee, boolean prettify) {
    this.attendee = attendee;
    this.prettify = prettify;
  }

  /**
   * The caption update for {@code result}, or null when there is nothing new to show.
   *
   * @param baseMillis epoch time of the recogniser's time zero
   * @param fedMillis recogniser-relative time of the end of the audio fed so far
   */
  TranscriptResult accept(RecognitionResult result, long baseMillis, long fedMillis) {
    switch (result.kind()) {
      case PARTIAL:
        return partial(result, baseMillis, fedMillis);
      case FINAL:
        return closing(result, baseMillis, fedMillis);
      default:
        return null;
    }
  }

  /** Forgets the open utterance, e.g. when the recogniser's clock restarts at zero. */
  void restart() {
    resultId = null;
    lastPartial = "";
    segmentStartMillis = 0;
  }

  private TranscriptResult partial(RecognitionResult result, long base, long fed) {
    if (result.isEmpty() || result.text().equals(lastPartial)) {
      return null;
    }
    lastPartial = result.text();
    if (resultId == null) {
      resultId = UUID.randomUUID().toString();
    }
    String[] words = result.text().split(" ");
    long start = segmentStartMillis;
    long span = Math.max(fed - start, words.length);
    List<TranscriptItem> items = new ArrayList<>(words.length + 1);
    for (int i = 0; i < words.length; i++) {
      long s = start + span * i / words.length;
      long e = start + span * (i + 1) / words.length;
      items.add(word(words[i], base + s, base + e, null, i == 0));
    }
    return build(true, base + start, base + fed, items);
  }

  private TranscriptResult closing(RecognitionResult result, long base, long fed) {
    String id = resultId;
    resultId = null;
    lastPartial = "";
    long start = segmentStartMillis;
    segmentStartMillis = result.words().isEmpty() ? fed : last(result.words()).endMillis();
    if (result.isEmpty()) {
      // Close a caption that partials opened, with nothing in it; otherwise stay silent.
      return id == null ? null : build(false, base + start, base + fed, List.of(), id);
    }
    List<TranscriptItem> items = new ArrayList<>(result.words().size() + 1);
    List<RecognizedWord> words = result.words();
    for (int i = 0; i < words.size(); i++) {
      RecognizedWord w = words.get(i);
      Double confidence = Double.isNaN(w.confidence()) ? null : w.confidence();
      items.add(word(w.word(), base + w.startMillis(), base + w.endMillis(), confidence, i == 0));
    }
    if (items.isEmpty()) { // an engine without word times
      items.add(word(result.text(), base + start, base + fed, null, true));
    }
    long end = items.get(items.size() - 1).endTimeMs();
    if (prettify) {
      items.add(new TranscriptItem(TranscriptItemType.PUNCTUATION, ".", end, end, attendee, null));
    }
    return build(false, items.get(0).startTimeMs(), end, items, id == null ? newId() : id);
  }

  private TranscriptItem word(String word, long start, long end, Double confidence, boolean first) {
    String content = prettify ? prettify(word, first) : word;
    return new TranscriptItem(
        TranscriptItemType.PRONUNCIATION, content, start, end, attendee, confidence);
  }

  private TranscriptResult build(
      boolean partial, long start, long end, List<TranscriptItem> items) {
    return build(partial, start, end, items, resultId);
  }

  private static TranscriptResult build(
      boolean partial, long start, long end, List<TranscriptItem> items, String id) {
    StringBuilder text = new StringBuilder();
    for (TranscriptItem item : items) {
      if (text.length() > 0 && item.type() == TranscriptItemType.PRONUNCIATION) {
        text.append(' ');
      }
      text.append(item.content());
    }
    return new TranscriptResult(
        id,
        null,
        partial,
        start,
        Math.max(start, end),
        List.of(new TranscriptAlternative(text.toString(), items)));
  }

  /** Capitalises the first word of a caption and the pronoun "I" (Vosk writes lowercase). */
  static String prettify(String word, boolean first) {
    if (word.isEmpty()) {
      return word;
    }
    if (first || word.equals("i") || word.startsWith("i'")) {
      return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }
    return word;
  }

  private static String newId() {
    return UUID.randomUUID().toString();
  }

  private static RecognizedWord last(List<RecognizedWord> words) {
    return words.get(words.size() - 1);
  }
}
