package dev.podium.app.captions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.app.client.TranscriptEvent;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CaptionsViewModelTest {
  private final CaptionsViewModel captions =
      new CaptionsViewModel(id -> Map.of("a1", "Ana", "b2", "Ben").getOrDefault(id, "Someone"));

  @Test
  void partialsUpdateInPlaceAndFinalsScroll() {
    captions.onTranscript(new TranscriptEvent("a1", "hello", true, 1));
    captions.onTranscript(new TranscriptEvent("a1", "hello every", true, 1));
    assertThat(captions.lines()).hasSize(1);
    assertThat(captions.lines().get(0).text()).isEqualTo("hello every");
    assertThat(captions.lines().get(0).speaker()).isEqualTo("Ana");
    captions.onTranscript(new TranscriptEvent("a1", "hello everyone", false, 1));
    assertThat(captions.lines()).hasSize(1);
    assertThat(captions.lines().get(0).partial()).isFalse();
    captions.onTranscript(new TranscriptEvent("b2", "thanks", true, 2));
    captions.onTranscript(new TranscriptEvent("a1", "next slide", true, 3));
    assertThat(captions.lines())
        .extracting(CaptionLine::text)
        .containsExactly("hello everyone", "thanks", "next slide");
    captions.onTranscript(new TranscriptEvent("b2", "thanks Ana", false, 2));
    assertThat(captions.lines())
        .extracting(CaptionLine::text)
        .containsExactly("hello everyone", "thanks Ana", "next slide");
  }

  @Test
  void keepsOnlyTheNewestLines() {
    for (int i = 0; i < CaptionsViewModel.MAX_LINES + 10; i++) {
      captions.onTranscript(new TranscriptEvent("a1", "line " + i, false, i));
    }
    assertThat(captions.lines()).hasSize(CaptionsViewModel.MAX_LINES);
    assertThat(captions.lines().get(CaptionsViewModel.MAX_LINES - 1).text())
        .isEqualTo("line " + (CaptionsViewModel.MAX_LINES + 9));
  }
}
