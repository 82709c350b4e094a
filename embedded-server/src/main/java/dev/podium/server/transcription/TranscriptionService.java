package dev.podium.server.transcription;

import java.util.Objects;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live captions for one meeting. The host starts and stops it; the mixer hands it each primary
 * speaker's decoded audio through {@link #onSpeakerAudio}, which only copies the frame into the
 * speaker's bounded queue and returns. Worker threads resample, recognise and deliver {@link
 * TranscriptEvent}s to the {@link TranscriptListener}. When recognition falls behind, frames are
 * dropped for captions and counted in {@link TranscriptionMetrics}; the mix never waits.
 *
 * <p>At most {@link TranscriptionSettings#maxRecognizers()} speakers are recognised at once. A
 * speaker obtains a recogniser when they start talking and gives it back after {@link
 * TranscriptionSettings#silenceRelease()} of silence. When more people talk than there are
 * recognisers, those without one wait (their last {@link TranscriptionSettings#preRoll()} of audio
 * is kept, older audio is dropped and counted); a freed recogniser goes to the loudest waiting
 * speaker. A speaker holding a recogniser is never cut off mid-sentence.
 */
public final class TranscriptionService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TranscriptionService.class);
  private static final long STOP_WAIT_MILLIS = 5_000;

  private final String meetingId;
  private final TranscriptionEngine engine;
  private final TranscriptionSettings settings;
  private final TranscriptListener listener;
  private final TranscriptionMetrics metrics;
  private final LongSupplier clock;
  private final Object lock = new Object(); // guards session changes and event delivery
  private volatile TranscriptionSession session;

  /**
   * @param clock epoch milliseconds, the same clock as the mixer's frame timestamps
   */
  public TranscriptionService(
      String meetingId,
      TranscriptionEngine engine,
      TranscriptionSettings settings,
      TranscriptListener listener,
      TranscriptionMetrics metrics,
      LongSupplier clock) {
    this.meetingId = Objects.requireNonNull(meetingId, "meetingId");
    this.engine = Objects.requireNonNull(engine, "engine");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** As the full constructor, on the system clock. */
  public TranscriptionService(
      String meetingId,
      TranscriptionEngine engine,
      TranscriptionSettings settings,
      TranscriptListener listener,
      TranscriptionMetrics metrics) {
    this(meetingId, engine, settings, listener, metrics, System::currentTimeMillis);
  }

  /**
   * Starts captions in {@code languageCode} and emits {@link TranscriptionStatusType#STARTED}.
   *
   * @throws TranscriptionException if already started, the engine is unavailable or the language is
   *     not supported
   */
  public void start(String languageCode) {
    Objects.requireNonNull(languageCode, "languageCode");
    synchronized (lock) {
      if (session != null) {
        throw new TranscriptionException(
            TranscriptionException.Reason.ALREADY_STARTED,
            "transcription is already running for meeting " + meetingId);
      }
      EngineAvailability availability = engine.availability();
      if (!availability.available()) {
        throw new TranscriptionException(
            TranscriptionException.Reason.ENGINE_UNAVAILABLE, availability.message());
      }
      if (!engine.languageCodes().contains(languageCode)) {
        throw new TranscriptionException(
            TranscriptionException.Reason.UNSUPPORTED_LANGUAGE,
            "language "
                + languageCode
                + " is not supported; supported: "
                + String.join(", ", engine.languageCodes()));
      }
      session =
          new TranscriptionSession(this, meetingId, engine, languageCode, settings, metrics, clock);
      LOG.info("Transcription started for meeting {} in {}", meetingId, languageCode);
      listener.onTranscriptEvent(status(TranscriptionStatusType.STARTED, languageCode, null));
    }
  }

  /**
   * Stops captions and emits {@link TranscriptionStatusType#STOPPED}; no event follows once this
   * returns. Returns false (and emits nothing) if transcription was not running.
   */
  public boolean stop() {
    TranscriptionSession ending;
    synchronized (lock) {
      ending = session;
      if (ending == null) {
        return false;
      }
      session = null;
      listener.onTranscriptEvent(
          status(TranscriptionStatusType.STOPPED, ending.languageCode(), null));
    }
    finish(ending);
    LOG.info("Transcription stopped for meeting {}", meetingId);
    return true;
  }

  /** Recognisers currently given to speakers (0 when stopped). */
  public int recognizersInUse() {
    TranscriptionSession current = session;
    return current == null ? 0 : current.pool().inUse();
  }

  /** Whether captions are running. */
  public boolean isRunning() {
    return session != null;
  }

  /**
   * One frame of a primary speaker's decoded voice, 48 kHz mono, typically 20 ms (960 samples).
   * Called by the mixer thread; copies the samples and returns at once, never blocking. Ignored
   * while transcription is stopped.
   *
   * @param timestampMillis time of the frame's first sample, epoch milliseconds (the clock given to
   *     this service); gaps between frames are treated as silence
   */
  public void onSpeakerAudio(
      String attendeeId, String externalUserId, short[] pcm48k, int samples, long timestampMillis) {
    TranscriptionSession current = session;
    if (current == null || samples <= 0) {
      return;
    }
    current.offer(attendeeId, externalUserId, pcm48k, samples, timestampMillis);
  }

  /** Stops transcription if running. Does not close the engine, which the server shares. */
  @Override
  public void close() {
    stop();
  }

  void deliver(TranscriptionSession from, TranscriptEvent event) {
    synchronized (lock) {
      if (session == from) {
        listener.onTranscriptEvent(event);
      }
    }
  }

  void fail(TranscriptionSession from, RuntimeException cause) {
    synchronized (lock) {
      if (session != from) {
        return;
      }
      session = null;
      LOG.warn("Transcription failed for meeting {}", meetingId, cause);
      listener.onTranscriptEvent(
          status(
              TranscriptionStatusType.FAILED,
              from.languageCode(),
              "speech recognition failed on the server; captions stopped"));
    }
    from.close();
  }

  private void finish(TranscriptionSession ending) {
    ending.close();
    try {
      if (!ending.awaitTermination(STOP_WAIT_MILLIS)) {
        LOG.warn("Transcription workers of meeting {} still busy after stop", meetingId);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private TranscriptionStatus status(
      TranscriptionStatusType type, String languageCode, String message) {
    return new TranscriptionStatus(
        type, clock.getAsLong(), TranscriptionStatus.LOCAL_REGION, languageCode, message);
  }
}
