package dev.podium.server.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PodiumServerMainTest {
  @TempDir Path dir;

  @Test
  void helpListsEveryOption() {
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new PodiumServerMain());
    cli.setOut(new PrintWriter(out));
    assertThat(cli.execute("--help")).isZero();
    assertThat(out.toString())
        .contains(
            "--http-port",
            "--media-port",
            "--bind",
            "--data-dir",
            "--api-key-file",
            "--max-attendees",
            "--max-replicas",
            "--primary-idle-timeout",
            "--public-address",
            "--tls",
            "--tls-cert",
            "--tls-key",
            "--help");
  }

  @Test
  void parsesShortDurations() {
    assertThat(DurationConverter.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(DurationConverter.parse("10s")).isEqualTo(Duration.ofSeconds(10));
    assertThat(DurationConverter.parse("5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(DurationConverter.parse("2h")).isEqualTo(Duration.ofHours(2));
    assertThat(DurationConverter.parse("PT90S")).isEqualTo(Duration.ofSeconds(90));
    assertThatThrownBy(() -> DurationConverter.parse("5 minutes"))
        .hasMessageContaining("use e.g. 500ms, 10s, 5m");
  }

  @Test
  void apiKeyFileIsCreatedOwnerOnlyAndReadBack() throws Exception {
    Path file = dir.resolve("nested/api-key");
    String key = ApiKeyFile.readOrCreate(file);
    assertThat(key).matches("[A-Za-z0-9_-]{43}");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(ApiKeyFile.readOrCreate(file)).isEqualTo(key);
    Files.writeString(file, "  \n");
    assertThatThrownBy(() -> ApiKeyFile.readOrCreate(file)).hasMessageContaining("is empty");
  }

  @Test
  void refusesHalfATlsConfiguration() {
    CommandLine cli = new CommandLine(new PodiumServerMain());
    cli.setErr(new PrintWriter(new StringWriter()));
    assertThat(
            cli.execute(
                "--tls-cert", dir.resolve("c.pem").toString(),
                "--data-dir", dir.toString()))
        .isEqualTo(2);
  }

  @Test
  void selfSignedTlsServesHttpsAndReportsItsFingerprint() {
    try (PodiumServer server =
        PodiumServer.start(ServerConfig.ephemeral("tls-key").withTls(TlsSettings.selfSigned()))) {
      assertThat(server.tlsFingerprint()).get().asString().matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
      assertThat(server.urls().httpBase()).startsWith("https://127.0.0.1:");
      assertThat(server.urls().webSocketBase()).startsWith("wss://127.0.0.1:");
    }
  }
}
