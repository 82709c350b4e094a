package dev.podium.app.captions;

import static dev.podium.app.TestTranscripts.caption;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.app.TestTranscripts;
import dev.podium.app.client.TranscriptionStatusType;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CaptionsViewModelTest {
  private final CaptionsViewModel captions =
      new CaptionsViewModel(id -> Map.of("a1", "Ana", "b2", "Ben").get(id));

  @Test
  void partialsUpdateInPlaceAndFinalsScroll() {
    captions.onTranscript(caption("r" + 1, "a1", null, "hello", true));
    captions.onTranscript(caption("r" + 1, "a1", null, "hello every", true));
    assertThat(captions.lines()).hasSize(1);
    assertThat(captions.lines().get(0).text()).isEqualTo("hello every");
    assertThat(captions.lines().get(0).speaker()).isEqualTo("Ana");
    captions.onTranscript(caption("r" + 1, "a1", null, "hello everyone", false));
    assertThat(captions.lines()).hasSize(1);
    assertThat(captions.lines().get(0).partial()).isFalse();
    captions.onTranscript(caption("r" + 2, "b2", null, "thanks", true));
    captions.onTranscript(caption("r" + 3, "a1", null, "next slide", true));
    assertThat(captions.lines())
        .extracting(CaptionLine::text)
        .containsExactly("hello everyone", "thanks", "next slide");
    captions.onTranscript(caption("r" + 2, "b2", null, "thanks Ana", false));
    assertThat(captions.lines())
        .extracting(CaptionLine::text)
        .containsExactly("hello everyone", "thanks Ana", "next slide");
  }

  @Test
  void keepsOnlyTheNewestLines() {
    for (int i = 0; i < CaptionsViewModel.MAX_LINES + 10; i++) {
      captions.onTranscript(caption("r" + i, "a1", null, "line " + i, false));
    }
    assertThat(captions.lines()).hasSize(CaptionsViewModel.MAX_LINES);
    assertThat(captions.lines().get(CaptionsViewModel.MAX_LINES - 1).text())
        .isEqualTo("line " + (CaptionsViewModel.MAX_LINES + 9));
  }

  @Test
  void unknownSpeakersShowTheirExternalUserId() {
    captions.onTranscript(caption("r9", "zz", "zoe@example.com", "hi", false));
    assertThat(captions.lines().get(0).speaker()).isEqualTo("zoe@example.com");
  }

  @Test
  void statusTellsWhetherCaptionsRun() {
    assertThat(captions.runningProperty().get()).isFalse();
    captions.onStatus(TestTranscripts.status(TranscriptionStatusType.STARTED));
    assertThat(captions.runningProperty().get()).isTrue();
    assertThat(captions.statusProperty().get()).isEqualTo("Captions are on");
    captions.onStatus(
        new dev.podium.app.client.TranscriptionStatus(
            TranscriptionStatusType.FAILED, 1, "en-US", "no speech model"));
    assertThat(captions.runningProperty().get()).isFalse();
    assertThat(captions.statusProperty().get()).isEqualTo("Captions failed: no speech model");
  }
}
