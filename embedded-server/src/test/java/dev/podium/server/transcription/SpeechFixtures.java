package dev.podium.server.transcription;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

/** The recorded sentences under {@code src/test/resources/speech/} and the shared Vosk engine. */
final class SpeechFixtures {
  static final String FOX_TEXT = "the quick brown fox jumps over the lazy dog";
  static final String KITCHEN_TEXT = "please turn on the lights in the kitchen";

  private static VoskTranscriptionEngine engine;

  private SpeechFixtures() {}

  /** The 48 kHz fox sentence. */
  static short[] fox48k() {
    return readWav("/speech/fox-48k.wav", 48_000);
  }

  /** The 48 kHz kitchen sentence. */
  static short[] kitchen48k() {
    return readWav("/speech/kitchen-48k.wav", 48_000);
  }

  /**
   * One engine for the whole test run: loading the model takes a second or two. The bundled model
   * is unpacked once into {@code target/vosk-model}.
   */
  static synchronized VoskTranscriptionEngine vosk() {
    if (engine == null) {
      engine =
          VoskTranscriptionEngine.openBundled(
              Path.of("target", "vosk-model", VoskModelInstaller.MODEL_DIRECTORY_NAME));
      if (!engine.availability().available()) {
        throw new IllegalStateException(engine.availability().message());
      }
    }
    return engine;
  }

  /** Reads a 16-bit mono PCM WAV file from the test class path. */
  static short[] readWav(String resource, int expectedRate) {
    try (InputStream in = SpeechFixtures.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + resource);
      }
      ByteBuffer b = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
      b.position(12);
      int rate = -1;
      while (b.remaining() >= 8) {
        String id = new String(new byte[] {b.get(), b.get(), b.get(), b.get()}, "US-ASCII");
        int size = b.getInt();
        if (id.equals("fmt ")) {
          int format = b.getShort(b.position());
          int channels = b.getShort(b.position() + 2);
          rate = b.getInt(b.position() + 4);
          int bits = b.getShort(b.position() + 14);
          if ((format != 1 && format != -2) || channels != 1 || bits != 16) {
            throw new IllegalArgumentException(resource + " is not 16-bit mono PCM");
          }
        } else if (id.equals("data")) {
          if (rate != expectedRate) {
            throw new IllegalArgumentException(resource + " is at " + rate + " Hz");
          }
          short[] pcm = new short[Math.min(size, b.remaining()) / 2];
          b.asShortBuffer().get(pcm);
          return pcm;
        }
        b.position(b.position() + size + (size & 1));
      }
      throw new IllegalArgumentException(resource + " has no data chunk");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
