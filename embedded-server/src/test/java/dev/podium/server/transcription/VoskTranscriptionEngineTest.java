package dev.podium.server.transcription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VoskTranscriptionEngineTest {

  private static RecognitionResult feedAndFinish(Recognizer recognizer, short[] pcm48k) {
    Downsampler48kTo16k down = new Downsampler48kTo16k();
    short[] out = new short[Downsampler48kTo16k.maxOutput(960)];
    short[] frame = new short[960];
    StringBuilder text = new StringBuilder();
    RecognitionResult firstFinal = null;
    for (int off = 0; off < pcm48k.length + 48_000; off += 960) {
      java.util.Arrays.fill(frame, (short) 0);
      if (off < pcm48k.length) {
        System.arraycopy(pcm48k, off, frame, 0, Math.min(960, pcm48k.length - off));
      }
      RecognitionResult r = recognizer.acceptPcm16k(out, down.process(frame, 960, out));
      if (r.kind() == RecognitionResult.Kind.FINAL && !r.isEmpty() && firstFinal == null) {
        firstFinal = r;
      }
    }
    RecognitionResult last = recognizer.finish();
    return firstFinal != null ? firstFinal : last;
  }

  @Test
  void recognisesASentenceWithWordTimesThatRestartAfterFinish() {
    try (Recognizer recognizer = SpeechFixtures.vosk().newRecognizer("en-US")) {
      RecognitionResult first = feedAndFinish(recognizer, SpeechFixtures.fox48k());
      RecognitionResult second = feedAndFinish(recognizer, SpeechFixtures.fox48k());

      assertThat(WordErrorRate.of(SpeechFixtures.FOX_TEXT, first.text())).isLessThanOrEqualTo(0.35);
      assertThat(first.words()).isNotEmpty();
      assertThat(first.words().get(0).startMillis()).isLessThan(500);
      assertThat(first.words().get(first.words().size() - 1).endMillis()).isBetween(2_500L, 3_600L);
      // Vosk's own clock runs on across reset(); ours starts again at the new stream.
      assertThat(second.words().get(0).startMillis()).isLessThan(500);
    }
  }

  @Test
  void reportsAMissingModelClearlyAndRefusesRecognisers(@TempDir Path empty) {
    VoskTranscriptionEngine engine = VoskTranscriptionEngine.open(empty);
    assertThat(engine.availability().available()).isFalse();
    assertThat(engine.availability().message())
        .contains(empty.toAbsolutePath().toString())
        .contains("am/final.mdl");
    assertThat(engine.languageCodes()).isEmpty();
    assertThatThrownBy(() -> engine.newRecognizer("en-US"))
        .isInstanceOfSatisfying(
            TranscriptionException.class,
            e ->
                assertThat(e.reason()).isEqualTo(TranscriptionException.Reason.ENGINE_UNAVAILABLE));
    engine.close();
  }

  @Test
  void refusesALanguageItHasNoModelFor() {
    assertThatThrownBy(() -> SpeechFixtures.vosk().newRecognizer("de-DE"))
        .isInstanceOfSatisfying(
            TranscriptionException.class,
            e ->
                assertThat(e.reason())
                    .isEqualTo(TranscriptionException.Reason.UNSUPPORTED_LANGUAGE));
  }

  @Test
  void unpacksTheBundledModelOnlyOnce() throws Exception {
    Path dir = SpeechFixtures.vosk().modelDirectory();
    long before = java.nio.file.Files.getLastModifiedTime(dir.resolve("am/final.mdl")).toMillis();
    assertThat(VoskModelInstaller.installBundled(dir)).isEqualTo(dir);
    assertThat(java.nio.file.Files.getLastModifiedTime(dir.resolve("am/final.mdl")).toMillis())
        .isEqualTo(before);
  }
}
