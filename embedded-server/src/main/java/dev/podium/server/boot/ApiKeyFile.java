package dev.podium.server.boot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file holding the control API key: read if present, else created with a fresh random key (32
 * bytes, base64url) readable by its owner only (mode 600).
 */
public final class ApiKeyFile {
  private static final Logger log = LoggerFactory.getLogger(ApiKeyFile.class);
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private ApiKeyFile() {}

  /**
   * The key in {@code file}, creating the file if missing.
   *
   * @throws IOException if the file cannot be read or created, or holds no key
   */
  public static String readOrCreate(Path file) throws IOException {
    if (!Files.exists(file)) {
      try {
        return create(file);
      } catch (FileAlreadyExistsException e) {
        // Created meanwhile by someone else: read theirs.
      }
    }
    String key = Files.readString(file, StandardCharsets.UTF_8).trim();
    if (key.isEmpty()) {
      throw new IOException("API key file " + file + " is empty");
    }
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
      if (!OWNER_ONLY.containsAll(permissions)) {
        log.warn(
            "API key file {} is readable by others ({}): chmod 600 it",
            file,
            PosixFilePermissions.toString(permissions));
      }
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: nothing to check
    }
    return key;
  }

  private static String create(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    String key = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    try {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    } catch (UnsupportedOperationException e) {
      Files.createFile(file);
    }
    Files.writeString(file, key + "\n", StandardCharsets.UTF_8);
    log.info("Created API key file {}", file);
    return key;
  }
}
