package dev.podium.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.server.api.ApiClient.Reply;
import dev.podium.server.boot.PodiumServer;
import dev.podium.server.boot.ServerConfig;
import org.junit.jupiter.api.Test;

/** Per-address token buckets answer 429 Throttling, and wrong keys are throttled apart. */
class RateLimitTest {
  static final String KEY = "rate-limit-key";

  @Test
  void throttlesAClientBeyondItsBurstThenLetsItBackIn() throws Exception {
    try (PodiumServer server =
        PodiumServer.start(
            ServerConfig.ephemeral(KEY).withRateLimits(new RateLimitSettings(5, 20, 5, 20)))) {
      ApiClient api = new ApiClient("http://127.0.0.1:" + server.httpPort(), KEY);
      int ok = 0;
      Reply throttled = null;
      long started = System.nanoTime();
      for (int i = 0; i < 20 && throttled == null; i++) {
        Reply reply = api.post("/meetings", "{}");
        if (reply.status() == 429) {
          throttled = reply;
        } else {
          assertThat(reply.status()).isEqualTo(200);
          ok++;
        }
      }
      // The burst of 5, plus what 20 per second refilled while the calls ran (a loaded machine
      // makes each call slower, so more tokens come back).
      double elapsedSeconds = (System.nanoTime() - started) / 1e9;
      assertThat(ok).isBetween(5, 5 + (int) Math.ceil(elapsedSeconds * 20) + 1);
      assertThat(throttled).isNotNull();
      assertThat(throttled.json().get("Code").asText()).isEqualTo("Throttling");
      assertThat(throttled.json().get("Message").asText()).contains("at most 5 at once");
      assertThat(api.send("GET", "/healthz", null, null).status())
          .as("health checks are never throttled")
          .isEqualTo(200);

      Thread.sleep(150); // 20 per second: a few tokens come back
      assertThat(api.post("/meetings", "{}").status()).isEqualTo(200);
    }
  }

  @Test
  void wrongKeysAreThrottledWithoutLockingOutTheRightKey() {
    try (PodiumServer server =
        PodiumServer.start(
            ServerConfig.ephemeral(KEY)
                .withRateLimits(new RateLimitSettings(1000, 1000, 3, 0.01)))) {
      ApiClient api = new ApiClient("http://127.0.0.1:" + server.httpPort(), KEY);
      for (int i = 0; i < 3; i++) {
        assertThat(api.send("POST", "/meetings", "{}", "guess-" + i).status()).isEqualTo(403);
      }
      Reply throttled = api.send("POST", "/meetings", "{}", "guess-4");
      assertThat(throttled.status()).isEqualTo(429);
      assertThat(throttled.json().get("Code").asText()).isEqualTo("Throttling");
      assertThat(throttled.json().get("Message").asText()).contains("missing or wrong API key");
      assertThat(api.send("POST", "/meetings", "{}", KEY).status()).isEqualTo(200);
    }
  }
}
