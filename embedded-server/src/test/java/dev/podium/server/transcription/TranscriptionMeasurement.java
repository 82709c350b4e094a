package dev.podium.server.transcription;

import dev.podium.server.metrics.MetricsRegistry;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures transcription cost and caption delay on this machine (not a test: it takes about a
 * minute and sleeps to feed audio in real time). Command in docs/transcription.md.
 *
 * <ol>
 *   <li>CPU seconds per second of audio for one recognised speaker (decimation + Vosk), fed as fast
 *       as it goes;
 *   <li>delay from the end of a spoken phrase to its final caption, fed in real time (one 20 ms
 *       frame every 20 ms), once with silence frames after the phrase and once with the frames
 *       simply stopping (a muted or discontinuous sender).
 * </ol>
 */
public final class TranscriptionMeasurement {
  private static final int FRAME = 960;

  private TranscriptionMeasurement() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    java.time.Duration partialInterval =
        java.time.Duration.ofMillis(args.length > 1 ? Long.parseLong(args[1]) : 300);
    VoskTranscriptionEngine engine =
        VoskTranscriptionEngine.open(SpeechFixtures.vosk().modelDirectory(), partialInterval);
    System.out.println("partial results every " + partialInterval.toMillis() + " ms of audio");
    short[][] phrases = {SpeechFixtures.fox48k(), SpeechFixtures.kitchen48k()};
    String[] texts = {SpeechFixtures.FOX_TEXT, SpeechFixtures.KITCHEN_TEXT};

    cpuPerAudioSecond(engine, phrases, rounds);
    for (boolean silenceFrames : new boolean[] {true, false}) {
      List<Long> delays = new ArrayList<>();
      double worstWer = 0;
      for (int round = 0; round < rounds; round++) {
        for (int p = 0; p < phrases.length; p++) {
          long[] delay = new long[1];
          String text = delayToFinal(engine, phrases[p], silenceFrames, delay);
          delays.add(delay[0]);
          worstWer = Math.max(worstWer, WordErrorRate.of(texts[p], text));
        }
      }
      Collections.sort(delays);
      System.out.printf(
          "delay end of phrase -> final caption (%s): median %d ms, max %d ms over %d phrases;"
              + " worst WER %.0f%%%n",
          silenceFrames ? "silence frames follow" : "frames stop",
          delays.get(delays.size() / 2),
          delays.get(delays.size() - 1),
          delays.size(),
          worstWer * 100);
    }
    engine.close();
  }

  private static void cpuPerAudioSecond(
      VoskTranscriptionEngine engine, short[][] phrases, int rounds) {
    var threads = ManagementFactory.getThreadMXBean();
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long processCpu = 0;
    double audioSeconds = 0;
    long cpu = 0;
    long decimationCpu = 0;
    try (Recognizer recognizer = engine.newRecognizer("en-US")) {
      Downsampler48kTo16k down = new Downsampler48kTo16k();
      short[] frame = new short[FRAME];
      short[] out = new short[Downsampler48kTo16k.maxOutput(FRAME)];
      for (int round = 0; round < rounds; round++) {
        for (short[] pcm : phrases) {
          int total = pcm.length + 48_000; // the phrase and a second of silence
          long start = threads.getCurrentThreadCpuTime();
          long processStart = os.getProcessCpuTime();
          long inDecimation = 0;
          for (int off = 0; off < total; off += FRAME) {
            java.util.Arrays.fill(frame, (short) 0);
            if (off < pcm.length) {
              System.arraycopy(pcm, off, frame, 0, Math.min(FRAME, pcm.length - off));
            }
            long d = threads.getCurrentThreadCpuTime();
            int n = down.process(frame, FRAME, out);
            inDecimation += threads.getCurrentThreadCpuTime() - d;
            recognizer.acceptPcm16k(out, n);
          }
          recognizer.finish();
          if (round > 0) { // the first round warms up
            cpu += threads.getCurrentThreadCpuTime() - start;
            processCpu += os.getProcessCpuTime() - processStart;
            decimationCpu += inDecimation;
            audioSeconds += total / 48_000.0;
          }
        }
      }
    }
    System.out.printf(
        "CPU per second of audio, one speaker: %.3f s on the feeding thread, %.3f s for the whole"
            + " process (of which 48->16 kHz decimation %.4f s), over %.1f s of audio%n",
        cpu / 1e9 / audioSeconds,
        processCpu / 1e9 / audioSeconds,
        decimationCpu / 1e9 / audioSeconds,
        audioSeconds);
  }

  /** Feeds one phrase in real time; returns the final text and the delay in {@code delay[0]}. */
  private static String delayToFinal(
      VoskTranscriptionEngine engine, short[] pcm, boolean silenceFrames, long[] delay)
      throws InterruptedException {
    int lastVoiced = pcm.length - 1;
    while (lastVoiced > 0 && Math.abs(pcm[lastVoiced]) < 300) {
      lastVoiced--;
    }
    CountDownLatch done = new CountDownLatch(1);
    AtomicLong finalAt = new AtomicLong();
    StringBuilder text = new StringBuilder();
    TranscriptListener listener =
        event -> {
          if (event instanceof Transcript t
              && !t.results().get(0).isPartial()
              && !t.results().get(0).transcript().isEmpty()
              && done.getCount() > 0) {
            finalAt.set(System.nanoTime());
            text.append(t.results().get(0).transcript());
            done.countDown();
          }
        };
    TranscriptionMetrics metrics = new TranscriptionMetrics(new MetricsRegistry());
    TranscriptionService service =
        new TranscriptionService(
            "measure", engine, TranscriptionSettings.DEFAULTS, listener, metrics);
    service.start("en-US");
    short[] frame = new short[FRAME];
    long begin = System.nanoTime();
    long phraseEnd = 0;
    int frames = (pcm.length + FRAME - 1) / FRAME + (silenceFrames ? 150 : 0);
    for (int i = 0; i < frames && done.getCount() > 0; i++) {
      long due = begin + i * 20_000_000L;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      int off = i * FRAME;
      java.util.Arrays.fill(frame, (short) 0);
      if (off < pcm.length) {
        System.arraycopy(pcm, off, frame, 0, Math.min(FRAME, pcm.length - off));
      }
      service.onSpeakerAudio("speaker", null, frame, FRAME, System.currentTimeMillis());
      if (off <= lastVoiced && lastVoiced < off + FRAME) {
        // the frame holding the phrase's last sample is handed over now, as a live sender would
        phraseEnd = System.nanoTime() - (off + FRAME - lastVoiced) * 1_000_000_000L / 48_000;
      }
    }
    boolean finished = done.await(10, TimeUnit.SECONDS);
    service.stop();
    long dropped =
        metrics.droppedFrames(TranscriptionMetrics.QUEUE_FULL)
            + metrics.droppedFrames(TranscriptionMetrics.NO_RECOGNIZER);
    System.out.printf(
        "  %s: \"%s\" after %d ms%s%n",
        silenceFrames ? "silence frames" : "frames stop",
        text,
        finished ? (finalAt.get() - phraseEnd) / 1_000_000 : -1,
        dropped > 0 ? " (" + dropped + " frames dropped: the machine fell behind)" : "");
    delay[0] = finished ? (finalAt.get() - phraseEnd) / 1_000_000 : -1;
    return text.toString();
  }
}
