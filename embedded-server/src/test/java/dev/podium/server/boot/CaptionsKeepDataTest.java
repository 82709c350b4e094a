package dev.podium.server.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.server.api.ApiClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starting captions unpacks the speech model into the data directory: into a directory of its own,
 * never over the store (the installer test caught an unpack that replaced the whole data directory,
 * database and key included).
 */
class CaptionsKeepDataTest {
  private static final String KEY = "captions-keep-data-key-01";
  @TempDir Path dataDir;

  @Test
  void startingCaptionsLeavesTheStoreInPlace() throws Exception {
    Files.writeString(dataDir.resolve("api-key"), "kept");
    String meetingId;
    try (PodiumServer server =
        PodiumServer.start(ServerConfig.ephemeral(KEY).withDataDirectory(dataDir))) {
      ApiClient api = new ApiClient("http://127.0.0.1:" + server.httpPort(), KEY);
      meetingId = api.post("/meetings", "{}").json().get("Meeting").get("MeetingId").asText();
      ApiClient.Reply started =
          api.post("/meetings/" + meetingId + "/transcription?operation=start", "");
      assertThat(started.status()).as(started.raw()).isEqualTo(200);
      assertThat(api.post("/meetings/" + meetingId + "/transcription?operation=stop", "").status())
          .isEqualTo(200);
    }
    assertThat(Files.readString(dataDir.resolve("api-key"))).isEqualTo("kept");
    try (Stream<Path> files = Files.list(dataDir)) {
      List<String> names = files.map(p -> p.getFileName().toString()).toList();
      assertThat(names).contains("models").anyMatch(n -> n.startsWith("podium"));
    }
    try (PodiumServer server =
        PodiumServer.start(ServerConfig.ephemeral(KEY).withDataDirectory(dataDir))) {
      ApiClient api = new ApiClient("http://127.0.0.1:" + server.httpPort(), KEY);
      assertThat(api.get("/meetings/" + meetingId).status()).isEqualTo(200);
    }
  }
}
