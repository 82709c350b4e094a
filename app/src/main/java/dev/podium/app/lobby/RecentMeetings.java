package dev.podium.app.lobby;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recent meetings list, kept as a small JSON file in the user's config directory (mode 600: the
 * links are credentials). A missing or unreadable file is an empty list, never an error.
 */
public final class RecentMeetings {
  private static final Logger LOG = LoggerFactory.getLogger(RecentMeetings.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Meetings remembered. */
  public static final int MAX = 8;

  private final Path file;

  public RecentMeetings(Path file) {
    this.file = file;
  }

  /** {@code $XDG_CONFIG_HOME/podium/recent-meetings.json} (default {@code ~/.config}). */
  public static RecentMeetings inUserConfig() {
    return new RecentMeetings(AppDirectories.config().resolve("recent-meetings.json"));
  }

  /** Newest first. */
  public List<RecentMeeting> load() {
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    try {
      return JSON.readValue(file.toFile(), new TypeReference<List<RecentMeeting>>() {});
    } catch (IOException e) {
      LOG.warn("Ignoring unreadable recent meetings file {}", file, e);
      return List.of();
    }
  }

  /** Puts {@code meeting} first (replacing an entry with the same link) and saves. */
  public List<RecentMeeting> remember(RecentMeeting meeting) {
    List<RecentMeeting> list = new ArrayList<>(load());
    list.removeIf(m -> m.link().equals(meeting.link()));
    list.add(0, meeting);
    while (list.size() > MAX) {
      list.remove(list.size() - 1);
    }
    save(list);
    return list;
  }

  /** Forgets every meeting. */
  public void clear() {
    save(List.of());
  }

  private void save(List<RecentMeeting> list) {
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(list));
      try {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // Not a POSIX file system: the directory's own protection applies.
      }
      Files.move(
          tmp,
          file,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      LOG.warn("Could not save recent meetings to {}", file, e);
    }
  }
}
