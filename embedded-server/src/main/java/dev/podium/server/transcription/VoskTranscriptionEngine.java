package dev.podium.server.transcription;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vosk.LibVosk;
import org.vosk.LogLevel;
import org.vosk.Model;

/**
 * A {@link TranscriptionEngine} on Vosk (Kaldi) with a model directory, by default the small US
 * English model. A missing or unreadable model, or a native library that does not load, leaves the
 * engine unavailable with a message saying what to do; it never stops the server.
 */
public final class VoskTranscriptionEngine implements TranscriptionEngine {
  private static final Logger LOG = LoggerFactory.getLogger(VoskTranscriptionEngine.class);

  /** How often a recogniser is asked for a partial result, in audio time, by default. */
  public static final Duration DEFAULT_PARTIAL_INTERVAL = Duration.ofMillis(300);

  private static final Set<String> LANGUAGES = Set.of("en-US");

  private final Path modelDirectory;
  private final Duration partialInterval;
  private final EngineAvailability availability;
  private Model model; // guarded by this

  private VoskTranscriptionEngine(
      Path modelDirectory, Duration partialInterval, Model model, EngineAvailability status) {
    this.modelDirectory = modelDirectory;
    this.partialInterval = partialInterval;
    this.model = model;
    this.availability = status;
  }

  /** Loads the model in {@code modelDirectory} (an unpacked Vosk model); never throws. */
  public static VoskTranscriptionEngine open(Path modelDirectory) {
    return open(modelDirectory, DEFAULT_PARTIAL_INTERVAL);
  }

  /** As {@link #open(Path)}, asking for partial results every {@code partialInterval} of audio. */
  public static VoskTranscriptionEngine open(Path modelDirectory, Duration partialInterval) {
    Objects.requireNonNull(modelDirectory, "modelDirectory");
    if (partialInterval.isNegative() || partialInterval.isZero()) {
      throw new IllegalArgumentException("partialInterval must be positive");
    }
    if (!Files.isRegularFile(modelDirectory.resolve("am").resolve("final.mdl"))
        || !Files.isRegularFile(modelDirectory.resolve("conf").resolve("model.conf"))) {
      return unavailable(
          modelDirectory,
          partialInterval,
          "No Vosk speech model in "
              + modelDirectory.toAbsolutePath()
              + " (expected am/final.mdl and conf/model.conf). Point the server at an unpacked"
              + " model, or use a build that bundles com.alphacephei:vosk-model-en:0.3.45.");
    }
    try {
      LibVosk.setLogLevel(LogLevel.WARNINGS);
      Model model = new Model(modelDirectory.toAbsolutePath().toString());
      LOG.info("Speech model loaded from {}", modelDirectory.toAbsolutePath());
      return new VoskTranscriptionEngine(
          modelDirectory,
          partialInterval,
          model,
          EngineAvailability.ready("Vosk with the model in " + modelDirectory.toAbsolutePath()));
    } catch (IOException e) {
      return unavailable(
          modelDirectory,
          partialInterval,
          "Vosk could not load the model in "
              + modelDirectory.toAbsolutePath()
              + ": "
              + e.getMessage());
    } catch (LinkageError e) {
      return unavailable(
          modelDirectory,
          partialInterval,
          "The Vosk native library does not load on this machine ("
              + System.getProperty("os.name")
              + " "
              + System.getProperty("os.arch")
              + "): "
              + e.getMessage());
    }
  }

  /**
   * Unpacks the bundled model into {@code directory} at first use (see {@link VoskModelInstaller})
   * and loads it; never throws.
   */
  public static VoskTranscriptionEngine openBundled(Path directory) {
    if (!VoskModelInstaller.hasBundledModel()) {
      return unavailable(
          directory,
          DEFAULT_PARTIAL_INTERVAL,
          "This build carries no speech model; point the server at an unpacked Vosk model.");
    }
    try {
      return open(VoskModelInstaller.installBundled(directory));
    } catch (IOException e) {
      return unavailable(
          directory,
          DEFAULT_PARTIAL_INTERVAL,
          "Could not unpack the bundled speech model into "
              + directory.toAbsolutePath()
              + ": "
              + e.getMessage());
    }
  }

  private static VoskTranscriptionEngine unavailable(
      Path directory, Duration partialInterval, String message) {
    LOG.warn("Transcription unavailable: {}", message);
    return new VoskTranscriptionEngine(
        directory, partialInterval, null, EngineAvailability.unavailable(message));
  }

  /** The model directory this engine was opened on. */
  public Path modelDirectory() {
    return modelDirectory;
  }

  @Override
  public EngineAvailability availability() {
    return availability;
  }

  @Override
  public Set<String> languageCodes() {
    return availability.available() ? LANGUAGES : Set.of();
  }

  @Override
  public synchronized Recognizer newRecognizer(String languageCode) {
    if (model == null) {
      throw new TranscriptionException(
          TranscriptionException.Reason.ENGINE_UNAVAILABLE, availability.message());
    }
    if (!LANGUAGES.contains(languageCode)) {
      throw new TranscriptionException(
          TranscriptionException.Reason.UNSUPPORTED_LANGUAGE,
          "language " + languageCode + " is not supported; supported: " + LANGUAGES);
    }
    return new VoskRecognizer(model, partialInterval);
  }

  @Override
  public synchronized void close() {
    if (model != null) {
      model.close();
      model = null;
    }
  }
}
