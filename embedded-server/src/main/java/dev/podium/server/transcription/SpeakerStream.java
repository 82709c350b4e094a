package dev.podium.server.transcription;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One speaker's audio on its way to captions: a bounded queue filled by the mixer thread, drained
 * by one worker at a time (the {@code scheduled} flag serialises drains), which resamples to 16
 * kHz, detects speech by level, obtains a recogniser from the pool while the speaker talks and
 * gives it back after {@link TranscriptionSettings#silenceRelease()} of silence.
 */
final class SpeakerStream {
  /** A copy of one mixer frame. */
  record Frame(short[] pcm, int samples, long timestampMillis) {}

  private record Chunk(short[] pcm, int samples, long timestampMillis, boolean voiced) {}

  private static final int MAX_FRAMES_PER_TURN = 25; // then let other speakers' drains run
  private static final double SILENT_DB = -120;

  /** Frames missing this long (muted, discontinuous transmission) are made up with silence. */
  private static final long GAP_FILL_MILLIS = 200;

  private static final long MAX_GAP_FILL_MILLIS = 1_000;

  final TranscriptAttendee attendee;
  final ArrayBlockingQueue<Frame> queue;
  final AtomicBoolean scheduled = new AtomicBoolean();

  private final TranscriptionSession session;
  private final Downsampler48kTo16k downsampler = new Downsampler48kTo16k();
  private final CaptionAssembler captions;
  private final Deque<Chunk> preRoll = new ArrayDeque<>();
  private final int preRollLimitSamples;
  private short[] pcm16 = new short[Downsampler48kTo16k.maxOutput(960)];
  private int preRollSamples;
  private volatile Recognizer recognizer; // written by the draining worker only
  private long baseMillis; // epoch time of the recogniser's time zero
  private long fedSamples; // 16 kHz samples fed since the recogniser's time zero
  private double smoothedLevelDb = SILENT_DB;
  private volatile long lastVoiceMillis = Long.MIN_VALUE / 2;
  private long lastFrameEndMillis;
  private short[] zeros = new short[0];

  SpeakerStream(TranscriptAttendee attendee, TranscriptionSession session) {
    this.attendee = attendee;
    this.session = session;
    TranscriptionSettings settings = session.settings();
    this.queue = new ArrayBlockingQueue<>(settings.speakerQueueFrames());
    this.captions = new CaptionAssembler(attendee, settings.prettify());
    this.preRollLimitSamples = (int) (settings.preRoll().toMillis() * 16);
  }

  /** Whether this speaker holds a recogniser or recently talked (and so needs ticks). */
  boolean needsAttention(long nowMillis) {
    return recognizer != null
        || nowMillis - lastVoiceMillis < session.settings().preRoll().toMillis();
  }

  /** Runs on a worker: processes queued frames, then releases or acquires a recogniser. */
  void drain() {
    try {
      int done = 0;
      Frame frame;
      while (!session.isClosed() && done < MAX_FRAMES_PER_TURN && (frame = queue.poll()) != null) {
        process(frame);
        done++;
      }
      if (session.isClosed()) {
        queue.clear();
        giveBack(false);
      } else if (queue.isEmpty()) {
        housekeep(session.nowMillis());
      }
    } catch (RuntimeException e) { // the engine failed (e.g. could not make a recogniser)
      session.fail(e);
    } finally {
      scheduled.set(false);
      if ((!queue.isEmpty() || (session.isClosed() && recognizer != null))
          && scheduled.compareAndSet(false, true)) {
        session.execute(this);
      }
    }
  }

  private void process(Frame frame) {
    if (pcm16.length < Downsampler48kTo16k.maxOutput(frame.samples())) {
      pcm16 = new short[Downsampler48kTo16k.maxOutput(frame.samples())];
    }
    int n = downsampler.process(frame.pcm(), frame.samples(), pcm16);
    lastFrameEndMillis = frame.timestampMillis() + frame.samples() / 48;
    double level = levelDbfs(pcm16, n);
    boolean voiced = level > session.settings().voiceThresholdDbfs();
    if (voiced) {
      lastVoiceMillis = frame.timestampMillis();
      smoothedLevelDb = smoothedLevelDb <= SILENT_DB ? level : 0.8 * smoothedLevelDb + 0.2 * level;
    }
    if (recognizer != null) {
      feed(pcm16, n);
      return;
    }
    preRoll.addLast(new Chunk(Arrays.copyOf(pcm16, n), n, frame.timestampMillis(), voiced));
    preRollSamples += n;
    while (preRollSamples > preRollLimitSamples && !preRoll.isEmpty()) {
      Chunk old = preRoll.removeFirst();
      preRollSamples -= old.samples();
      if (old.voiced()) {
        session.metrics().dropped(TranscriptionMetrics.NO_RECOGNIZER);
      }
    }
    if (voiced) {
      tryAcquire(frame.timestampMillis());
    }
  }

  /** After the queue is drained: release after silence, or retry while waiting to talk. */
  private void housekeep(long nowMillis) {
    long silentFor = nowMillis - lastVoiceMillis;
    if (recognizer != null) {
      if (silentFor >= session.settings().silenceRelease().toMillis()) {
        giveBack(true);
      } else {
        fillGap(nowMillis);
      }
    } else if (silentFor < session.settings().preRoll().toMillis()) {
      tryAcquire(nowMillis);
    } else {
      smoothedLevelDb = SILENT_DB;
      session.pool().withdraw(this);
    }
  }

  private void tryAcquire(long nowMillis) {
    Recognizer r = session.pool().tryAcquire(this, smoothedLevelDb, nowMillis);
    if (r == null) {
      return;
    }
    recognizer = r;
    captions.restart();
    fedSamples = 0;
    baseMillis = preRoll.isEmpty() ? nowMillis : preRoll.peekFirst().timestampMillis();
    for (Chunk c : preRoll) {
      feed(c.pcm(), c.samples());
    }
    preRoll.clear();
    preRollSamples = 0;
  }

  /**
   * When a holder's frames stop coming (a muted or discontinuous sender), feeds the recogniser the
   * missing time as silence, so that it sees the end of the phrase and closes the caption as soon
   * as it would with continuous audio, instead of waiting for the release.
   */
  private void fillGap(long nowMillis) {
    long gap = nowMillis - lastFrameEndMillis;
    if (gap < GAP_FILL_MILLIS) {
      return;
    }
    gap = Math.min(gap, MAX_GAP_FILL_MILLIS);
    int n = (int) gap * 16;
    if (zeros.length < n) {
      zeros = new short[n];
    }
    lastFrameEndMillis += gap;
    feed(zeros, n);
  }

  private void feed(short[] pcm, int n) {
    RecognitionResult result = recognizer.acceptPcm16k(pcm, n);
    fedSamples += n;
    session.metrics().recognized();
    emit(result);
  }

  private void emit(RecognitionResult result) {
    TranscriptResult caption = captions.accept(result, baseMillis, fedSamples / 16);
    if (caption != null) {
      session.emit(caption);
    }
  }

  /** Finishes the utterance (emitting its final caption if {@code emitFinal}) and frees it. */
  private void giveBack(boolean emitFinal) {
    if (recognizer == null) {
      return;
    }
    Recognizer r = recognizer;
    recognizer = null;
    try {
      RecognitionResult last = r.finish();
      if (emitFinal) {
        emit(last);
      }
    } finally {
      captions.restart();
      smoothedLevelDb = SILENT_DB;
      session.pool().release(r);
    }
  }

  /** RMS level of a frame in dB relative to full scale. */
  static double levelDbfs(short[] pcm, int n) {
    if (n == 0) {
      return SILENT_DB;
    }
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += (double) pcm[i] * pcm[i];
    }
    double rms = Math.sqrt(sum / n) / 32768.0;
    return rms <= 1e-6 ? SILENT_DB : 20 * Math.log10(rms);
  }
}
