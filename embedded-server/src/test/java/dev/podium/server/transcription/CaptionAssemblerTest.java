package dev.podium.server.transcription;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CaptionAssemblerTest {
  private static final TranscriptAttendee ALICE = new TranscriptAttendee("a-1", "alice");
  private static final long BASE = 1_700_000_000_000L;

  @Test
  void partialsUpdateOneResultAndTheFinalClosesIt() {
    CaptionAssembler captions = new CaptionAssembler(ALICE, true);
    TranscriptResult first =
        captions.accept(RecognitionResult.partial("i think", List.of()), BASE, 600);
    TranscriptResult same =
        captions.accept(RecognitionResult.partial("i think", List.of()), BASE, 900);
    TranscriptResult second =
        captions.accept(RecognitionResult.partial("i think so", List.of()), BASE, 1200);
    TranscriptResult done =
        captions.accept(
            RecognitionResult.ofFinal(
                "i think so",
                List.of(
                    new RecognizedWord("i", 100, 200, 1.0),
                    new RecognizedWord("think", 200, 600, 0.9),
                    new RecognizedWord("so", 600, 1000, 0.8))),
            BASE,
            1500);
    TranscriptResult next =
        captions.accept(RecognitionResult.partial("next", List.of()), BASE, 2000);

    assertThat(same).isNull();
    assertThat(first.isPartial()).isTrue();
    assertThat(first.transcript()).isEqualTo("I think");
    assertThat(second.resultId()).isEqualTo(first.resultId());
    assertThat(done.resultId()).isEqualTo(first.resultId());
    assertThat(done.isPartial()).isFalse();
    assertThat(done.transcript()).isEqualTo("I think so.");
    assertThat(done.startTimeMs()).isEqualTo(BASE + 100);
    assertThat(done.endTimeMs()).isEqualTo(BASE + 1000);
    List<TranscriptItem> items = done.alternatives().get(0).items();
    assertThat(items)
        .extracting(TranscriptItem::type)
        .containsExactly(
            TranscriptItemType.PRONUNCIATION,
            TranscriptItemType.PRONUNCIATION,
            TranscriptItemType.PRONUNCIATION,
            TranscriptItemType.PUNCTUATION);
    assertThat(items).allSatisfy(i -> assertThat(i.attendee()).isEqualTo(ALICE));
    assertThat(items.get(1).confidence()).isEqualTo(0.9);
    assertThat(next.resultId()).isNotEqualTo(first.resultId());
    assertThat(next.startTimeMs()).isEqualTo(BASE + 1000); // after the closed utterance
  }

  @Test
  void leavesTheTextAsRecognisedWhenNotPrettifying() {
    CaptionAssembler captions = new CaptionAssembler(ALICE, false);
    TranscriptResult done =
        captions.accept(RecognitionResult.ofFinal("hello there", List.of()), BASE, 800);
    assertThat(done.transcript()).isEqualTo("hello there");
    assertThat(done.alternatives().get(0).items())
        .noneMatch(i -> i.type() == TranscriptItemType.PUNCTUATION);
  }

  @Test
  void closesAnOpenCaptionEvenWhenTheFinalIsEmpty() {
    CaptionAssembler captions = new CaptionAssembler(ALICE, true);
    TranscriptResult partial =
        captions.accept(RecognitionResult.partial("uh", List.of()), BASE, 300);
    TranscriptResult done = captions.accept(RecognitionResult.ofFinal("", List.of()), BASE, 900);
    assertThat(done.resultId()).isEqualTo(partial.resultId());
    assertThat(done.isPartial()).isFalse();
    assertThat(captions.accept(RecognitionResult.ofFinal("", List.of()), BASE, 1200)).isNull();
  }
}
