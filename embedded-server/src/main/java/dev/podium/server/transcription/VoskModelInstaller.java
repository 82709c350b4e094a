package dev.podium.server.transcription;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Unpacks the Vosk model bundled in this build (the {@code com.alphacephei:vosk-model-en:0.3.45}
 * aar, copied next to this class by the build) into a directory, once: Vosk reads its model from
 * real files. The unpacked model is about 70 MB; a marker file says the copy is complete, so an
 * interrupted unpack is redone at the next start.
 */
public final class VoskModelInstaller {
  /** Name of the bundled model, resolved relative to this class. */
  static final String BUNDLED_RESOURCE = "vosk-model-en-us.aar";

  /** Name of the model's directory, with the pinned version. */
  public static final String MODEL_DIRECTORY_NAME = "vosk-model-en-us-0.3.45";

  private static final String PREFIX = "assets/model-en-us/";
  private static final String COMPLETE_MARKER = ".podium-complete";

  private VoskModelInstaller() {}

  /** Whether this build carries the bundled model. */
  public static boolean hasBundledModel() {
    return VoskModelInstaller.class.getResource(BUNDLED_RESOURCE) != null;
  }

  /** Where the model goes inside a server's data directory. */
  public static Path directoryIn(Path dataDirectory) {
    return dataDirectory.resolve("models").resolve(MODEL_DIRECTORY_NAME);
  }

  /**
   * Unpacks the bundled model into {@code directory} unless a complete copy is already there.
   *
   * @return {@code directory}
   * @throws IOException if the build has no bundled model or the files cannot be written
   */
  public static Path installBundled(Path directory) throws IOException {
    if (Files.isRegularFile(directory.resolve(COMPLETE_MARKER))) {
      return directory;
    }
    Path parent = directory.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path staging = Files.createTempDirectory(parent, MODEL_DIRECTORY_NAME + ".unpacking-");
    try (InputStream raw = VoskModelInstaller.class.getResourceAsStream(BUNDLED_RESOURCE)) {
      if (raw == null) {
        throw new IOException("this build carries no bundled speech model");
      }
      unpack(raw, staging);
      Files.writeString(staging.resolve(COMPLETE_MARKER), MODEL_DIRECTORY_NAME + "\n");
      if (Files.exists(directory)) {
        deleteRecursively(directory); // an incomplete earlier attempt
      }
      Files.move(staging, directory, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      if (Files.exists(staging)) {
        deleteRecursively(staging);
      }
    }
    return directory;
  }

  private static void unpack(InputStream raw, Path target) throws IOException {
    int files = 0;
    try (ZipInputStream zip = new ZipInputStream(raw)) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        String name = entry.getName();
        if (!name.startsWith(PREFIX) || name.length() == PREFIX.length()) {
          continue;
        }
        Path out = target.resolve(name.substring(PREFIX.length())).normalize();
        if (!out.startsWith(target)) {
          throw new IOException("model entry escapes its directory: " + name);
        }
        if (entry.isDirectory()) {
          Files.createDirectories(out);
        } else {
          Files.createDirectories(out.getParent());
          Files.copy(zip, out, StandardCopyOption.REPLACE_EXISTING);
          files++;
        }
      }
    }
    if (files == 0) {
      throw new IOException("the bundled model archive has no " + PREFIX + " entries");
    }
  }

  private static void deleteRecursively(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      paths
          .sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.delete(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
