package dev.podium.app.settings;

import dev.podium.app.client.MediaDeviceInfo;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Plays a short two-tone chime through the Java sound system (on a daemon thread). */
public final class SpeakerTest {
  private static final Logger LOG = LoggerFactory.getLogger(SpeakerTest.class);

  private SpeakerTest() {}

  /** Starts the chime; null when it started, else a sentence saying why not. */
  public static String play(MediaDeviceInfo speaker) {
    AudioFormat format = new AudioFormat(48_000, 16, 1, true, false);
    SourceDataLine line;
    try {
      line = AudioSystem.getSourceDataLine(format);
      line.open(format);
    } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
      LOG.info("Speaker test unavailable", e);
      return "Could not play sound on this computer.";
    }
    Thread t =
        new Thread(
            () -> {
              byte[] pcm = chime(format);
              line.start();
              line.write(pcm, 0, pcm.length);
              line.drain();
              line.close();
            },
            "podium-speaker-test");
    t.setDaemon(true);
    t.start();
    return null;
  }

  private static byte[] chime(AudioFormat format) {
    int rate = (int) format.getSampleRate();
    int n = rate * 6 / 10;
    byte[] out = new byte[n * 2];
    for (int i = 0; i < n; i++) {
      double f = i < n / 2 ? 660 : 880;
      double env = Math.min(1, Math.min(i, n - i) / (rate * 0.02));
      short s = (short) (Math.sin(2 * Math.PI * f * i / rate) * 8000 * env);
      out[2 * i] = (byte) s;
      out[2 * i + 1] = (byte) (s >> 8);
    }
    return out;
  }
}
