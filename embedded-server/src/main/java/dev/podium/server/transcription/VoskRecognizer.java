package dev.podium.server.transcription;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vosk.Model;

/**
 * A {@link Recognizer} on one native Vosk recogniser. Partial results are asked for only every
 * {@code partialInterval} of audio, because each one re-reads the decoding lattice. Partial results
 * carry text only; final results carry word times. Vosk's times run on from the recogniser's
 * creation even across {@code reset()}, so this class subtracts the audio fed before the last
 * {@link #finish()}.
 */
final class VoskRecognizer implements Recognizer {
  private static final Logger LOG = LoggerFactory.getLogger(VoskRecognizer.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  static final float SAMPLE_RATE = 16_000f;

  private final org.vosk.Recognizer recognizer;
  private final int partialIntervalSamples;
  private int samplesSincePartial;
  private long samplesFed;
  private long timeOffsetMillis;
  private boolean closed;

  VoskRecognizer(Model model, Duration partialInterval) {
    try {
      this.recognizer = new org.vosk.Recognizer(model, SAMPLE_RATE);
    } catch (IOException e) {
      throw new TranscriptionException(
          TranscriptionException.Reason.ENGINE_UNAVAILABLE,
          "Vosk could not make a recogniser: " + e.getMessage(),
          e);
    }
    recognizer.setWords(true);
    // Partial word times come from a word-aligned lattice, which this model only yields late (a
    // partial stayed empty for the first 1.8 s of a sentence); plain partial text comes at once.
    recognizer.setPartialWords(false);
    this.partialIntervalSamples = (int) (partialInterval.toMillis() * (long) SAMPLE_RATE / 1000);
  }

  @Override
  public RecognitionResult acceptPcm16k(short[] pcm, int n) {
    if (closed || n <= 0) {
      return RecognitionResult.NONE;
    }
    samplesFed += n;
    if (recognizer.acceptWaveForm(pcm, n)) {
      samplesSincePartial = 0;
      return parse(recognizer.getResult(), false, timeOffsetMillis);
    }
    samplesSincePartial += n;
    if (samplesSincePartial < partialIntervalSamples) {
      return RecognitionResult.NONE;
    }
    samplesSincePartial = 0;
    return parse(recognizer.getPartialResult(), true, timeOffsetMillis);
  }

  @Override
  public RecognitionResult finish() {
    if (closed) {
      return RecognitionResult.ofFinal("", List.of());
    }
    RecognitionResult result = parse(recognizer.getFinalResult(), false, timeOffsetMillis);
    recognizer.reset();
    samplesSincePartial = 0;
    timeOffsetMillis = samplesFed * 1000 / (long) SAMPLE_RATE;
    return result;
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      recognizer.close();
    }
  }

  /** Reads Vosk's JSON: {@code {"partial":..,"partial_result":[..]}} or {@code {"text":..}}. */
  static RecognitionResult parse(String json, boolean partial, long offsetMillis) {
    try {
      JsonNode root = JSON.readTree(json);
      String text = root.path(partial ? "partial" : "text").asText("").trim();
      List<RecognizedWord> words = new ArrayList<>();
      for (JsonNode w : root.path(partial ? "partial_result" : "result")) {
        long start = Math.max(0, Math.round(w.path("start").asDouble() * 1000) - offsetMillis);
        long end = Math.max(start, Math.round(w.path("end").asDouble() * 1000) - offsetMillis);
        double conf = partial ? Double.NaN : w.path("conf").asDouble(Double.NaN);
        words.add(new RecognizedWord(w.path("word").asText(""), start, end, conf));
      }
      return partial
          ? RecognitionResult.partial(text, words)
          : RecognitionResult.ofFinal(text, words);
    } catch (IOException | RuntimeException e) {
      LOG.debug("unreadable Vosk result {}", json, e);
      return RecognitionResult.NONE;
    }
  }
}
